"""The admin of Open311 client applications: a municipality's administrators issue a key
(shown once, on the page that follows the form), rename a client or revoke its key; each
change through an audited service, each list scoped to the user's municipalities."""

from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views import generic

from municipium.tenancy.forms import MunicipalityOwnedForm
from municipium.tenancy.viewsets import MunicipalityScopedViewSet

from .models import ApiClient
from .services import api_client_create, api_client_delete, api_client_save


class ApiClientCreateView(generic.CreateView):
    """Creates the client through ``api_client_create`` and answers with its key, once: the
    key is in no message, session or log, only on this page."""

    key_template_name = "open311/api_client_key.html"

    def save_instance(self):
        instance = self.form.instance
        api_client, self.key = api_client_create(
            municipality=instance.municipality,
            name=instance.name,
            contact=instance.contact,
            by=self.request.user,
        )
        return api_client

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)

    def save_action(self):
        response = TemplateResponse(
            self.request,
            self.key_template_name,
            {
                "api_client": self.object,
                "key": self.key,
                "index_url": reverse(self.index_url_name),
                "page_title": _("The key of %(name)s") % {"name": self.object.name},
            },
        )
        add_never_cache_headers(response)
        return response


class ApiClientViewSet(MunicipalityScopedViewSet):
    model = ApiClient
    icon = "key"
    menu_label = _("API clients")
    add_to_settings_menu = True  # shown to those with a right on API clients
    list_display = ["name", "municipality", "key_prefix", BooleanColumn("is_active"), "created_at"]
    list_filter = ["municipality", "is_active"]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [FieldPanel("municipality"), FieldPanel("name"), FieldPanel("contact"),
         FieldPanel("is_active")],
        base_form_class=MunicipalityOwnedForm,
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_view_class = ApiClientCreateView

    @staticmethod
    def save_service(*, instance, by):
        return api_client_save(instance=instance, by=by)

    @staticmethod
    def delete_service(*, instance, by):
        return api_client_delete(instance=instance, by=by)
