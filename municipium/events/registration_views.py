"""The resident's side of registration, as routes of the programme page (``ProgrammePage``):
the form, and the resident's own page where they see their place and may cancel it. Never
cached (a CSRF token, a resident's data); the rules are in ``events.registration``."""

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from municipium.core import formatting
from municipium.core.public_forms import PublicForm, form_post, private

from .models import Registration, RegistrationQuestion, Status
from .registration import (
    needs_guardian,
    places_left,
    registration_cancel,
    registration_get_by_token,
    registration_submit,
    waiting_rank,
)
from .selectors import event_get_for_registration

RATE_SCOPE = "events-registration"
REGISTRATION_FORM = PublicForm(
    rate_scope=RATE_SCOPE,
    spam_refusal=gettext_lazy(
        "Your registration could not be sent. Please leave the last field empty."
    ),
    too_many_refusal=gettext_lazy(
        "Too many registrations were sent from your connection in a short "
        "time. Nothing was saved: please try again later, or call us."
    ),
    limit_setting="MUNICIPIUM_REGISTRATION_RATE_LIMIT",
    seconds_setting="MUNICIPIUM_REGISTRATION_RATE_SECONDS",
)
HONEYPOT = "website"


class RegistrationForm(forms.Form):
    """Field shapes only: what is required of whom is the service's to say."""

    occurrence = forms.ChoiceField(label=pgettext_lazy("event session", "Date"), required=False)
    name = forms.CharField(label=gettext_lazy("Participant's name"), max_length=200)
    email = forms.EmailField(label=gettext_lazy("E-mail"), max_length=254)
    phone = forms.CharField(label=gettext_lazy("Telephone"), max_length=40, required=False)
    age = forms.IntegerField(label=gettext_lazy("Age"), min_value=0, max_value=120, required=False)
    guardian_name = forms.CharField(
        label=gettext_lazy("Parent's or guardian's name"), max_length=200, required=False
    )
    guardian_contact = forms.CharField(
        label=gettext_lazy("Parent's or guardian's telephone or e-mail"),
        max_length=200,
        required=False,
    )
    website = forms.CharField(label=gettext_lazy("Leave this field empty"), required=False)

    def __init__(self, *args, event, dates, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        if event.registration == Registration.OCCURRENCE:
            self.fields["occurrence"].required = True
            self.fields["occurrence"].choices = [("", _("Choose a date")), *dates]
        else:
            del self.fields["occurrence"]
        self.guardian = needs_guardian(event)
        if not self.guardian:
            del self.fields["guardian_name"], self.fields["guardian_contact"]
        else:
            self.fields["age"].label = _("Child's age")
            self.fields["name"].label = _("Child's name")
        for question in event.questions.all():
            label = question.label_in(language)
            if question.kind == RegistrationQuestion.Kind.CHOICE:
                options = [("", "—")] + [
                    (str(index), text) for index, text in enumerate(question.choices_in(language))
                ]
                field = forms.ChoiceField(label=label, choices=options, required=False)
            else:
                field = forms.CharField(label=label, max_length=1000, required=False)
            field.question_required = question.required
            self.fields[f"question_{question.pk}"] = field

    def questions(self):
        return [self[name] for name in self.fields if name.startswith("question_")]

    def person(self):
        return [self[name] for name in ("name", "age", "email", "phone") if name in self.fields]

    def guardian_fields(self):
        return [self[name] for name in ("guardian_name", "guardian_contact") if name in self.fields]

    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT))

    def data_for_service(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if not k.startswith("question_")}
        data["answers"] = {
            name.removeprefix("question_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("question_")
        }
        return data


def _title(event, language):
    text = event.text_in(language)
    return text.title if text else ""


def _when(request, value) -> str:
    tenant = request.tenant
    return formatting.format_datetime(
        value,
        language=translation.get_language(),
        calendar=tenant.calendar,
        time_zone=tenant.time_zone_name,
        style="long",
    )


def _dates(request, event):
    """The dates a resident may still choose, with the places left on each."""
    now = timezone.now()
    dates = []
    for occurrence in event.occurrences.all():
        if occurrence.starts_at <= now or occurrence.status in (Status.CANCELLED, Status.POSTPONED):
            continue
        left = places_left(event=event, occurrence=occurrence)
        label = _when(request, occurrence.starts_at)
        if left == 0:
            label = _("%(date)s (full: waiting list)") % {"date": label}
        dates.append((str(occurrence.pk), label))
    return dates


def register(request, *, page, event_id):
    municipality = request.tenant.municipality
    language = translation.get_language()
    event = event_get_for_registration(municipality=municipality, pk=event_id)
    if event is None or event.text_in(language) is None:
        raise Http404
    dates = _dates(request, event)
    kwargs = {"event": event, "dates": dates, "language": language}
    form = RegistrationForm(request.POST or None, **kwargs)
    refusal, status = None, 200
    if request.method == "POST":
        submitted, refusal, status = form_post(
            request, form, REGISTRATION_FORM, submit=lambda: _submit(event, form, language)
        )
        if submitted is not None:
            url = page.get_url(request) + page.reverse_subpage(
                "registration", args=[submitted.registration.code, submitted.token]
            )
            return private(redirect(url + "?registered=1"))
    series = event.registration == Registration.SERIES
    series_left = places_left(event=event, occurrence=None) if series else None
    context = {
        **page.get_context(request),
        "event": event,
        "title": _title(event, language),
        "form": form,
        "refusal": refusal,
        "series": series,
        "when": _when(request, event.starts_at),
        "places_left": series_left,
        "no_dates": event.registration == Registration.OCCURRENCE and not dates,
    }
    return private(render(request, "events/registration_form.html", context, status=status))


def _submit(event, form, language):
    occurrence = None
    chosen = form.cleaned_data.get("occurrence")
    if chosen:
        occurrence = next((o for o in event.occurrences.all() if str(o.pk) == chosen), None)
        if occurrence is None:
            raise ValidationError({"occurrence": _("Choose one of the event's dates.")})
    return registration_submit(
        event=event, occurrence=occurrence, data=form.data_for_service(), language=language
    )


def own_registration(request, *, page, code, token):
    municipality = request.tenant.municipality
    registration = registration_get_by_token(municipality=municipality, code=code, token=token)
    if registration is None:
        raise Http404
    message, status = None, 200
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            message, status = _("Tick the box to confirm that you want to cancel."), 400
        else:
            try:
                registration_cancel(registration=registration)
            except ValidationError as error:
                message, status = " ".join(error.messages), 400
            else:
                return private(redirect(request.path + "?cancelled=1"))
        registration.refresh_from_db()
    event = registration.event
    language = translation.get_language()
    context = {
        **page.get_context(request),
        "registration": registration,
        "event": event,
        "title": _title(event, language),
        "when": _when(request, (registration.occurrence or event).starts_at),
        "rank": waiting_rank(registration),
        "just_registered": request.GET.get("registered") == "1",
        "just_cancelled": request.GET.get("cancelled") == "1",
        "message": message,
        "may_cancel": registration.status in ("confirmed", "waiting"),
    }
    return private(render(request, "events/registration_detail.html", context, status=status))
