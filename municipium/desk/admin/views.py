"""The staff's views of citizen requests in the admin. Every case is read through
``request_case_get_for_user`` (another municipality's, or another unit's, is a 404), every
action posts to a view that calls one service and says, in the staff member's language, why
it was refused."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from municipium.cases.services import (
    case_assign,
    case_attach,
    case_extend,
    case_note,
    case_route,
    case_transition,
)
from municipium.tenancy.selectors import admin_municipality

from ..services import case_forward, request_mark_duplicate, request_submit
from . import detail
from .forms import (
    AssignForm,
    DuplicateForm,
    ExtendForm,
    ForwardForm,
    NoteForm,
    OperatorForm,
    PressForm,
    RouteForm,
    TransitionForm,
)
from .selectors import (
    category_list_for_municipality,
    citizen_request_get,
    request_case_get_for_user,
)


def case_or_404(request, case_id):
    municipality = admin_municipality(request)
    case = request_case_get_for_user(municipality=municipality, user=request.user, pk=case_id)
    if case is None:
        raise Http404
    return case


class CaseDetailView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "desk/admin/case_detail.html"
    header_icon = "form"

    @cached_property
    def case(self):
        return case_or_404(self.request, self.kwargs["case_id"])

    def get_page_title(self):
        return _("Request %(reference)s") % {"reference": self.case.reference}

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": reverse("desk_case_index"), "label": _("Requests")},
            {"url": "", "label": self.case.reference},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(detail.case_context(case=self.case, user=self.request.user))
        return context


def _refused(request, error) -> None:
    if isinstance(error, ValidationError):
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.error(request, str(error) or _("You may not act on this case."))


def _form_refused(request, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


def _act(form_class, perform, done):
    """A view that posts ``form_class`` for a case and calls ``perform(case, data, user)``."""

    @require_POST
    def view(request, case_id):
        case = case_or_404(request, case_id)
        form = form_class(request.POST, case=case, **_form_extra(form_class, case))
        if not form.is_valid():
            _form_refused(request, form)
        else:
            try:
                perform(case, form.cleaned_data, request.user)
            except (ValidationError, PermissionDenied) as error:
                _refused(request, error)
            else:
                messages.success(request, str(done))
        return redirect("desk_case_detail", case_id=case.pk)

    return view


def _form_extra(form_class, case) -> dict:
    if form_class is TransitionForm:
        request = citizen_request_get(case=case)
        return {"category": request.category if request else None}
    return {}


transition = _act(
    TransitionForm,
    lambda case, data, user: case_transition(
        case=case, transition=data["transition"], by=user, note=data.get("note", "")
    ),
    gettext_lazy("The request's status was changed."),
)
assign = _act(
    AssignForm,
    lambda case, data, user: case_assign(case=case, owner=data["owner"], by=user),
    gettext_lazy("The request was assigned."),
)
route = _act(
    RouteForm,
    lambda case, data, user: case_route(
        case=case, unit=data["unit"], by=user, reason=data["reason"]
    ),
    gettext_lazy("The request was sent to another unit."),
)
note = _act(
    NoteForm,
    lambda case, data, user: case_note(
        case=case, by=user, body=data["body"], public=data["public"]
    ),
    gettext_lazy("The note was added."),
)
extend = _act(
    ExtendForm,
    lambda case, data, user: case_extend(
        case=case, days=data["days"], by=user, reason=data["reason"]
    ),
    gettext_lazy("The deadline was extended."),
)
duplicate = _act(
    DuplicateForm,
    lambda case, data, user: request_mark_duplicate(
        case=case, original=data["original"], by=user, note=data.get("note", "")
    ),
    gettext_lazy("The request was marked as a duplicate."),
)
forward = _act(
    ForwardForm,
    lambda case, data, user: case_forward(
        case=case,
        to_municipality=data["category"].municipality,
        category=data["category"],
        by=user,
        reason=data["reason"],
    ),
    gettext_lazy("The request was forwarded to the other municipality."),
)

ACTIONS = {
    "transition": transition,
    "assign": assign,
    "route": route,
    "note": note,
    "extend": extend,
    "duplicate": duplicate,
    "forward": forward,
}


def attachment(request, case_id, attachment_id):
    """A case's file, to the staff who may see the case only (the private storage has no
    URL of its own)."""
    case = case_or_404(request, case_id)
    found = get_object_or_404(case.attachments.all(), pk=attachment_id)
    inline = found.content_type in {"image/jpeg", "image/png", "image/webp", "application/pdf"}
    response = FileResponse(
        found.file.open("rb"),
        as_attachment=not inline,
        filename=found.name,
        content_type=found.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class IntakeView(WagtailAdminTemplateMixin, TemplateView):
    """File a request on someone's behalf: the category first (its questions follow), then
    the rest; ``request_submit`` with the channel and the member of staff as ``by``."""

    template_name = "desk/admin/intake.html"
    form_class = OperatorForm
    header_icon = "form"

    @cached_property
    def municipality(self):
        municipality = admin_municipality(self.request)
        if municipality is None:
            raise PermissionDenied
        return municipality

    @cached_property
    def category(self):
        raw = self.request.POST.get("category") or self.request.GET.get("category")
        if not raw or not str(raw).isdigit():
            return None
        categories = category_list_for_municipality(
            municipality=self.municipality, active_only=True
        )
        return categories.prefetch_related("attributes").filter(pk=raw).first()

    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        files = self.request.FILES if self.request.method == "POST" else None
        return self.form_class(
            data,
            files,
            municipality=self.municipality,
            category=self.category,
            language=self.language,
        )

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("desk_case_index"), "label": _("Requests")},
            {"url": "", "label": self.get_page_title()},
        ]

    @property
    def language(self):
        return self.municipality.default_language

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.get_form())
        context["chosen_category"] = self.category
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if self.category is None or not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            filed = self.submit(form.cleaned_data, form.answers())
        except (ValidationError, PermissionDenied) as error:
            if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    name = field if field in form.fields else f"answer_{field}"
                    form.add_error(name if name in form.fields else None, errors)
            else:
                form.add_error(None, error.messages if hasattr(error, "messages") else str(error))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            request,
            _("Request filed. Read out its reference: %(reference)s")
            % {"reference": filed.case.reference},
        )
        visible = request_case_get_for_user(
            municipality=self.municipality, user=request.user, pk=filed.case_id
        )
        if visible is None:  # filed for a unit the member of staff does not work in
            return redirect(request.path)
        return redirect("desk_case_detail", case_id=filed.case_id)

    def submit(self, data, answers):
        return request_submit(
            municipality=self.municipality,
            category=data["category"],
            description=data["description"],
            language=self.language,
            by=self.request.user,
            channel=data["channel"],
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            is_anonymous=data["is_anonymous"],
            address=data["address"],
            latitude=data["latitude"],
            longitude=data["longitude"],
            answers=answers,
        )


class OperatorView(IntakeView):
    page_title = gettext_lazy("File a request for a caller")


class PressView(IntakeView):
    page_title = gettext_lazy("Enter a request from the press")
    form_class = PressForm

    @transaction.atomic
    def submit(self, data, answers):
        filed = request_submit(
            municipality=self.municipality,
            category=data["category"],
            description=data["description"],
            language=self.language,
            by=self.request.user,
            channel="press",
            address=data["address"],
            latitude=data["latitude"],
            longitude=data["longitude"],
            answers=answers,
            press_outlet=data["press_outlet"],
            press_date=data["press_date"],
            press_url=data["press_url"],
        )
        if data.get("scan"):
            # Part of the filing: attached by the system, the filing's audit entry names who.
            scan = data["scan"]
            case_attach(
                case=filed.case,
                name=scan.name,
                content=scan.read(),
                content_type=getattr(scan, "content_type", "") or "application/octet-stream",
                by=None,
            )
        return filed
