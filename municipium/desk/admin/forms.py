"""Forms of the staff's side: a case's actions, the operator's and the press office's intake,
categories and response templates. Each offers only the municipality's choices and checks
them again when it is cleaned: a posted id of another municipality's row is refused."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from municipium.cases import kinds
from municipium.cases.services import MAX_EXTENSION_DAYS
from municipium.directory.selectors import service_standard_list_for_municipalities
from municipium.organisation.selectors import unit_list_for_municipality, unit_member_ids
from municipium.tenancy.forms import MunicipalityOwnedForm
from municipium.tenancy.selectors import municipality_list_for_user

from ..models import Attribute, CitizenRequest
from .selectors import (
    category_list_elsewhere,
    category_list_for_municipality,
    response_template_list_for_case,
)

# Taken through forms of their own (the duplicate's original, the other municipality).
OWN_FORMS = frozenset({"mark_duplicate", "forward"})
OPERATOR_CHANNELS = (
    ("phone", _("Telephone")),
    ("counter", _("At the counter")),
    ("email", _("E-mail")),
    ("letter", _("Letter")),
)
MAX_SCAN_BYTES = 10 * 1024 * 1024
SCAN_TYPES = frozenset({"application/pdf", "image/jpeg", "image/png"})


def staff_transitions(case) -> list[kinds.Transition]:
    """The moves staff can make on ``case`` from its status, through the transition form."""
    declared = kinds.get(case.kind)
    return [move for move in declared.transitions_from(case.status) if move.code not in OWN_FORMS]


class TransitionForm(forms.Form):
    transition = forms.ChoiceField(label=_("Action"))
    template = forms.ModelChoiceField(
        label=_("Response template"),
        queryset=None,
        required=False,
        help_text=_("Its text is used when the note is left empty."),
    )
    note = forms.CharField(
        label=_("Note or answer"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_("Required for an answer, a rejection or a question to the resident."),
    )

    def __init__(self, *args, case, category, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["transition"].choices = [(m.code, m.label) for m in staff_transitions(case)]
        self.fields["template"].queryset = response_template_list_for_case(
            case=case, category=category
        )

    def clean(self):
        cleaned = super().clean()
        template = cleaned.get("template")
        if template is not None and not cleaned.get("note", "").strip():
            cleaned["note"] = template.body
        return cleaned


class AssignForm(forms.Form):
    owner = forms.ModelChoiceField(
        label=_("Owner"), queryset=None, required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        ids = unit_member_ids(unit_ids=[case.unit_id])
        self.fields["owner"].queryset = get_user_model().objects.filter(pk__in=ids)
        self.fields["owner"].label_from_instance = lambda u: u.get_full_name() or u.username


class RouteForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        units = unit_list_for_municipality(municipality=case.municipality)
        self.fields["unit"].queryset = units.filter(is_active=True).exclude(pk=case.unit_id)


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))
    public = forms.BooleanField(label=_("Shown to the resident"), required=False)

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)


class ExtendForm(forms.Form):
    days = forms.IntegerField(label=_("Days"), min_value=1, max_value=MAX_EXTENSION_DAYS)
    reason = forms.CharField(
        label=_("Reason (the resident reads it)"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)


class DuplicateForm(forms.Form):
    reference = forms.CharField(label=_("Reference of the first request"), max_length=20)
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, case, **kwargs):
        self.case = case
        super().__init__(*args, **kwargs)

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip()
        found = (
            CitizenRequest.objects.filter(
                case__municipality_id=self.case.municipality_id, case__reference=reference
            )
            .select_related("case")
            .first()
        )
        if found is None:
            raise ValidationError(_("No request of this municipality has this reference."))
        self.cleaned_data["original"] = found.case
        return reference


class ForwardForm(forms.Form):
    category = forms.ModelChoiceField(label=_("Municipality and category"), queryset=None)
    reason = forms.CharField(
        label=_("Reason (the resident reads it)"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = category_list_elsewhere(municipality=case.municipality)
        self.fields["category"].label_from_instance = lambda c: f"{c.municipality} – {c}"


def _question_field(attribute: Attribute, language: str) -> forms.Field:
    label = attribute.label_in(language)
    required = attribute.required
    choices = [
        (value.get("key"), value.get("names", {}).get(language) or value.get("key"))
        for value in attribute.values
    ]
    kinds_of_field = {
        Attribute.Datatype.NUMBER: lambda: forms.DecimalField(label=label, required=required),
        Attribute.Datatype.DATETIME: lambda: forms.DateTimeField(label=label, required=required),
        Attribute.Datatype.TEXT: lambda: forms.CharField(
            label=label, required=required, widget=forms.Textarea(attrs={"rows": 3})
        ),
        Attribute.Datatype.SINGLE: lambda: forms.ChoiceField(
            label=label, required=required, choices=[("", "---------"), *choices]
        ),
        Attribute.Datatype.MULTI: lambda: forms.MultipleChoiceField(
            label=label, required=required, choices=choices, widget=forms.CheckboxSelectMultiple
        ),
    }
    build = kinds_of_field.get(attribute.datatype)
    return build() if build else forms.CharField(label=label, required=required, max_length=500)


class IntakeForm(forms.Form):
    """What every channel staff file for gives: the category's questions, the description
    and the place (the category is chosen first, so that its questions can be asked)."""

    category = forms.ModelChoiceField(label=_("Category"), queryset=None)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 5}))
    address = forms.CharField(label=_("Address or place"), max_length=300, required=False)
    latitude = forms.DecimalField(
        label=_("Latitude"), max_digits=9, decimal_places=6, required=False,
        min_value=-90, max_value=90,
    )  # fmt: skip
    longitude = forms.DecimalField(
        label=_("Longitude"), max_digits=9, decimal_places=6, required=False,
        min_value=-180, max_value=180,
    )  # fmt: skip

    def __init__(self, *args, municipality, category=None, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        categories = category_list_for_municipality(municipality=municipality, active_only=True)
        self.fields["category"].queryset = categories
        self.questions = []
        if category is not None:
            self.fields["category"].initial = category.pk
            for attribute in category.attributes.all():
                name = f"answer_{attribute.code}"
                self.fields[name] = _question_field(attribute, language)
                self.questions.append(name)

    def answers(self) -> dict:
        values = {}
        for name in self.questions:
            value = self.cleaned_data.get(name)
            if value in (None, "", []):
                continue
            values[name.removeprefix("answer_")] = (
                value.isoformat() if hasattr(value, "isoformat") else value
            )
        return values


class OperatorForm(IntakeForm):
    channel = forms.ChoiceField(label=_("Channel"), choices=OPERATOR_CHANNELS, initial="phone")
    is_anonymous = forms.BooleanField(label=_("The caller wants to stay anonymous"), required=False)
    name = forms.CharField(label=_("Caller's name"), max_length=200, required=False)
    phone = forms.CharField(label=_("Caller's phone"), max_length=40, required=False)
    email = forms.EmailField(label=_("Caller's e-mail"), required=False)


class PressForm(IntakeForm):
    press_outlet = forms.CharField(label=_("Outlet"), max_length=200)
    press_date = forms.DateField(label=_("Date of publication"))
    press_url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
    scan = forms.FileField(
        label=_("Scan of the article"), required=False, help_text=_("PDF, JPEG or PNG, 10 MB.")
    )

    def clean_scan(self):
        scan = self.cleaned_data.get("scan")
        if scan is None:
            return scan
        if scan.size > MAX_SCAN_BYTES:
            raise ValidationError(_("The file is larger than 10 MB."))
        head = scan.read(8)
        scan.seek(0)
        kind = (
            "application/pdf" if head.startswith(b"%PDF")
            else "image/png" if head.startswith(b"\x89PNG")
            else "image/jpeg" if head.startswith(b"\xff\xd8\xff")
            else ""
        )  # fmt: skip
        if kind not in SCAN_TYPES:
            raise ValidationError(_("Send a PDF, JPEG or PNG file."))
        scan.content_type = kind
        return scan

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("press_url") and not cleaned.get("scan"):
            raise ValidationError(_("Give the link or a scan of the article."))
        return cleaned


class CategoryForm(MunicipalityOwnedForm):
    """A category's unit is one of its municipality's, whatever id is posted."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        municipalities = self.chooser_municipalities()
        self.fields["unit"].queryset = self.fields["unit"].queryset.filter(
            municipality__in=municipalities
        )
        if "service_standard" in self.fields:  # only the same municipality's services
            self.fields["service_standard"].queryset = service_standard_list_for_municipalities(
                municipalities=municipalities
            )

    def clean(self):
        cleaned = super().clean()
        unit, municipality = cleaned.get("unit"), cleaned.get("municipality")
        municipality = municipality or getattr(self.instance, "municipality", None)
        if (
            unit is not None
            and municipality is not None
            and unit.municipality_id != municipality.pk
        ):
            self.add_error("unit", _("Choose a unit of this municipality."))
        standard = cleaned.get("service_standard")
        if (
            standard is not None
            and municipality is not None
            and not service_standard_list_for_municipalities(municipalities=[municipality.pk])
            .filter(pk=standard.pk)
            .exists()
        ):
            self.add_error("service_standard", _("Choose a service of this municipality."))
        return cleaned


class ResponseTemplateForm(MunicipalityOwnedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            allowed = municipality_list_for_user(user=self.for_user)
            self.fields["category"].queryset = self.fields["category"].queryset.filter(
                municipality__in=allowed
            )

    def clean(self):
        cleaned = super().clean()
        category, municipality = cleaned.get("category"), cleaned.get("municipality")
        if (
            category is not None
            and municipality is not None
            and category.municipality_id != municipality.pk
        ):
            self.add_error("category", _("Choose a category of this municipality."))
        return cleaned
