from django.urls import path

from . import views
from .listing import CaseIndexView

urlpatterns = [
    path("requests/", CaseIndexView.as_view(), name="desk_case_index"),
    path(
        "requests/results/",
        CaseIndexView.as_view(results_only=True),
        name="desk_case_index_results",
    ),
    path("requests/file/", views.OperatorView.as_view(), name="desk_operator"),
    path("requests/press/", views.PressView.as_view(), name="desk_press"),
    path("requests/<int:case_id>/", views.CaseDetailView.as_view(), name="desk_case_detail"),
    path(
        "requests/<int:case_id>/files/<int:attachment_id>/",
        views.attachment,
        name="desk_case_attachment",
    ),
    *(
        path(f"requests/<int:case_id>/{name}/", view, name=f"desk_case_{name}")
        for name, view in views.ACTIONS.items()
    ),
]
