"""The staff's side of registration, in the Wagtail admin: per event, its registrations (by
date and status), CSV and XLSX exports, a printable attendance list, check-in by code, cancel on
a person's behalf, and closing the event with its report.

Every view reads the event through ``event_get_for_user``: the organising unit's staff, those
who manage above it and the municipality's administrators see it; anyone else, and anyone on
another municipality's event, gets a 404."""

import csv
import io

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from municipium.core.http import whole_number
from municipium.tenancy.selectors import admin_municipality

from ..models import EventRegistration, EventReport, RegistrationStatus
from ..registration import event_close, registration_cancel, registration_check_in
from ..selectors import event_get_for_user, event_list_for_user, registration_list_for_staff


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_municipality(request) is not None


def event_or_404(request, event_id):
    event = event_get_for_user(
        municipality=admin_municipality(request), user=request.user, pk=event_id
    )
    if event is None:
        raise Http404
    return event


def _title(event) -> str:
    text = event.text_in()
    return text.title if text else f"#{event.pk}"


class CheckInForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Check-in code"), max_length=20)


class CloseForm(forms.Form):
    attendance = forms.IntegerField(label=gettext_lazy("How many came"), min_value=0)
    partners = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Partners who took part"), queryset=None, required=False
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        # The culture app has no selectors yet: its partners through the report's field.
        partner = EventReport._meta.get_field("partners").related_model
        self.fields["partners"].queryset = partner.objects.filter(municipality=event.municipality)
        for language in event.municipality.languages:
            self.fields[f"text_{language}"] = forms.CharField(
                label=_("Report (%(language)s)") % {"language": language},
                widget=forms.Textarea(attrs={"rows": 3}),
                required=False,
                max_length=2000,
            )


class EventListView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/registration_events.html"
    page_title = gettext_lazy("Registrations")
    header_icon = "group"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events = event_list_for_user(
            municipality=admin_municipality(self.request), user=self.request.user
        ).exclude(registration="none")
        context["events"] = [
            (event, _title(event)) for event in events.order_by("-starts_at")[:200]
        ]
        return context


class RegistrationListView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/registration_list.html"
    header_icon = "group"

    @cached_property
    def event(self):
        return event_or_404(self.request, self.kwargs["event_id"])

    def get_page_title(self):
        return _("Registrations: %(title)s") % {"title": _title(self.event)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        occurrence = self.request.GET.get("date") or None
        status = self.request.GET.get("status") or None
        context.update(
            event=self.event,
            registrations=_filtered(self.request, self.event, occurrence, status),
            occurrences=self.event.occurrences.all(),
            statuses=RegistrationStatus.choices,
            chosen_date=occurrence,
            chosen_status=status,
            check_in_form=CheckInForm(),
            close_form=CloseForm(event=self.event),
            questions=list(self.event.questions.all()),
        )
        return context


class AttendanceListView(RegistrationListView):
    """The attendance list to print (the admin's print stylesheet hides the rest)."""

    template_name = "events/admin/attendance_list.html"


def _filtered(request, event, occurrence, status):
    occurrence_id = whole_number(occurrence)
    if status and status not in RegistrationStatus.values:
        status = None
    return registration_list_for_staff(
        municipality=event.municipality,
        user=request.user,
        event=event,
        occurrence_id=occurrence_id,
        status=status,
    )


def _rows(request, event):
    """Header and rows of an export, with the answers to the event's questions."""
    questions = list(event.questions.all())
    header = [
        _("Code"), pgettext("event session", "Date"), _("Status"), _("Position"), _("Name"),
        _("E-mail"), _("Telephone"), _("Age"), _("Parent or guardian"), _("Guardian's contact"),
        _("Registered at"), _("Checked in at"),
        *(question.label_in(request.LANGUAGE_CODE) for question in questions),
    ]  # fmt: skip
    registrations = _filtered(request, event, request.GET.get("date"), request.GET.get("status"))
    rows = []
    zone = timezone.get_current_timezone()
    for registration in registrations:
        answers = registration.answers or {}
        rows.append(
            [
                registration.code,
                registration.occurrence.starts_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
                if registration.occurrence
                else "",
                registration.get_status_display(),
                registration.position,
                registration.name,
                registration.email,
                registration.phone,
                registration.age if registration.age is not None else "",
                registration.guardian_name,
                registration.guardian_contact,
                registration.created_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
                registration.checked_in_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
                if registration.checked_in_at
                else "",
                *(_answer(question, answers.get(str(question.pk)), registration.language)
                  for question in questions),
            ]
        )  # fmt: skip
    return header, rows


def _answer(question, raw, language):
    if raw is None:
        return ""
    if question.kind == question.Kind.CHOICE and whole_number(raw) is not None:
        options = question.choices_in(language)
        return options[int(raw)] if int(raw) < len(options) else raw
    return raw


def _safe_cell(value):
    """A cell a spreadsheet will not run as a formula (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def export_csv(request, event_id):
    event = event_or_404(request, event_id)
    header, rows = _rows(request, event)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([[_safe_cell(cell) for cell in row] for row in rows])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="registrations-{event.pk}.csv"'
    return response


def export_xlsx(request, event_id):
    from openpyxl import Workbook

    event = event_or_404(request, event_id)
    header, rows = _rows(request, event)
    book = Workbook()
    sheet = book.active
    sheet.title = _("Registrations")[:31]
    sheet.append(header)
    for row in rows:
        sheet.append([_safe_cell(cell) for cell in row])
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="registrations-{event.pk}.xlsx"'
    return response


def _back(event):
    return redirect(reverse("events_registration_list", args=[event.pk]))


def _refused(request, error):
    if isinstance(error, ValidationError):
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.error(request, str(error) or _("You may not do this."))


@require_POST
def check_in(request, event_id):
    event = event_or_404(request, event_id)
    form = CheckInForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Type the code shown by the person."))
        return _back(event)
    try:
        registration = registration_check_in(
            event=event, code=form.cleaned_data["code"], by=request.user
        )
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error)
    else:
        messages.success(request, _("%(name)s is checked in.") % {"name": registration.name})
    return _back(event)


@require_POST
def cancel(request, event_id, registration_id):
    event = event_or_404(request, event_id)
    registration = EventRegistration.objects.filter(event=event, pk=registration_id).first()
    if registration is None:
        raise Http404
    try:
        moved = registration_cancel(registration=registration, by=request.user)
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error)
    else:
        messages.success(request, _("The registration is cancelled."))
        for person in moved:
            messages.info(
                request, _("%(name)s moved up from the waiting list.") % {"name": person.name}
            )
    return _back(event)


@require_POST
def close(request, event_id):
    event = event_or_404(request, event_id)
    form = CloseForm(request.POST, event=event)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return _back(event)
    texts = {
        language: form.cleaned_data.get(f"text_{language}", "")
        for language in event.municipality.languages
    }
    try:
        event_close(
            event=event,
            by=request.user,
            attendance=form.cleaned_data["attendance"],
            texts=texts,
            partners=form.cleaned_data["partners"],
        )
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error)
    else:
        messages.success(request, _("The event is closed with its report."))
    return _back(event)


urlpatterns = [
    path("registrations/", EventListView.as_view(), name="events_registration_events"),
    path(
        "registrations/<int:event_id>/",
        RegistrationListView.as_view(),
        name="events_registration_list",
    ),
    path(
        "registrations/<int:event_id>/attendance/",
        AttendanceListView.as_view(),
        name="events_registration_attendance",
    ),
    path("registrations/<int:event_id>/export.csv", export_csv, name="events_registration_csv"),
    path("registrations/<int:event_id>/export.xlsx", export_xlsx, name="events_registration_xlsx"),
    path("registrations/<int:event_id>/check-in/", check_in, name="events_registration_check_in"),
    path("registrations/<int:event_id>/close/", close, name="events_registration_close"),
    path(
        "registrations/<int:event_id>/<int:registration_id>/cancel/",
        cancel,
        name="events_registration_cancel",
    ),
]
