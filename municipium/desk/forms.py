"""The resident's forms: choosing a category, the request with the category's questions, the
verdict on an answer and the look-up of a request by its reference and token. Field shape
only: the rules are in ``desk.services``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Attribute
from .selectors import category_description

HONEYPOT = "website"  # a field people never see (hidden by CSS); robots fill it in


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Several files in one input; each is checked by content in the service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleImageInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleImageField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class DeskForm(forms.Form):
    """Labels are phrases or questions: no colon after them (in any language)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class CategoryChoiceForm(DeskForm):
    """The first step: which kind of request (the form then asks the category's questions)."""

    category = forms.ChoiceField(label=_("What is your request about?"), widget=forms.RadioSelect)

    def __init__(self, *args, categories, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.options = [
            {
                "code": c.code,
                "name": c.name_in(language),
                "description": category_description(c, language),
            }
            for c in categories
        ]
        self.fields["category"].choices = [(o["code"], o["name"]) for o in self.options]


def _attribute_field(attribute: Attribute, language: str) -> forms.Field:
    label = attribute.label_in(language)
    required = attribute.required
    choices = [
        (value.get("key"), (value.get("names") or {}).get(language) or value.get("key"))
        for value in attribute.values
    ]
    datatype = attribute.datatype
    if datatype == Attribute.Datatype.NUMBER:
        return forms.DecimalField(label=label, required=required)
    if datatype == Attribute.Datatype.DATETIME:
        return forms.DateTimeField(
            label=label,
            required=required,
            widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        )
    if datatype == Attribute.Datatype.TEXT:
        return forms.CharField(
            label=label, required=required, widget=forms.Textarea(attrs={"rows": 3})
        )
    if datatype == Attribute.Datatype.SINGLE:
        blank = _("Choose one") if required else "—"
        return forms.ChoiceField(label=label, required=required, choices=[("", blank), *choices])
    if datatype == Attribute.Datatype.MULTI:
        return forms.MultipleChoiceField(
            label=label, required=required, choices=choices, widget=forms.CheckboxSelectMultiple
        )
    return forms.CharField(label=label, required=required, max_length=200)


class RequestForm(DeskForm):
    """The request in the chosen category: its questions, the description, the place, the
    contact and the photos. The honeypot is checked by the view."""

    description = forms.CharField(
        label=_("Describe the problem or the request"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
    )
    address = forms.CharField(
        label=_("Address or place"),
        required=False,
        max_length=300,
        help_text=_("The street and number, or a landmark nearby."),
    )
    latitude = forms.DecimalField(
        label=_("Latitude"), required=False, min_value=-90, max_value=90, decimal_places=6,
        max_digits=9,
    )  # fmt: skip
    longitude = forms.DecimalField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180, decimal_places=6,
        max_digits=9,
    )  # fmt: skip
    name = forms.CharField(label=_("Your name"), required=False, max_length=200)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        help_text=_("We send the request's number and its tracking link here."),
    )
    phone = forms.CharField(label=_("Your phone number"), required=False, max_length=40)
    photos = MultipleImageField(
        label=_("Photos"),
        required=False,
        help_text=_("Up to five photos, JPEG, PNG or WebP, 10 MB each at most."),
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, category, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.category = category
        self.question_names = []
        for attribute in category.attributes.all():
            name = f"answer_{attribute.code}"
            self.fields[name] = _attribute_field(attribute, language)
            self.question_names.append(name)
        # The questions first, in the category's order.
        order = [*self.question_names, *[n for n in self.fields if n not in self.question_names]]
        self.order_fields(order)
        self.fields["latitude"].widget.attrs.update({"data-desk-latitude": "", "step": "any"})
        self.fields["longitude"].widget.attrs.update({"data-desk-longitude": "", "step": "any"})
        self.fields[HONEYPOT].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.fields["email"].widget.attrs.update({"autocomplete": "email"})
        self.fields["name"].widget.attrs.update({"autocomplete": "name"})
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})

    @property
    def questions(self):
        return [self[name] for name in self.question_names]

    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            self.add_error("latitude", _("Give both coordinates of the place, or neither."))
        return cleaned

    def answers(self) -> dict:
        answers = {}
        for name in self.question_names:
            value = self.cleaned_data.get(name)
            if value in (None, "", []):
                continue
            answers[name.removeprefix("answer_")] = (
                value.isoformat() if hasattr(value, "isoformat") else value
            )
        return answers


class VerdictForm(DeskForm):
    ACCEPT, DISPUTE = "accept", "dispute"

    verdict = forms.ChoiceField(
        label=_("Does this answer settle your request?"),
        choices=[
            (ACCEPT, _("Yes, I accept the answer")),
            (DISPUTE, _("No, I reject the answer")),
        ],
        widget=forms.RadioSelect,
    )
    rating = forms.TypedChoiceField(
        label=_("How would you rate the answer?"),
        choices=[(str(n), str(n)) for n in range(1, 6)],
        coerce=int,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("1 is poor, 5 is very good."),
    )
    comment = forms.CharField(
        label=_("Your comment, or why you reject the answer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=3000,
    )

    def clean(self):
        cleaned = super().clean()
        verdict = cleaned.get("verdict")
        if verdict == self.ACCEPT and not cleaned.get("rating"):
            self.add_error("rating", _("Rate the answer from 1 to 5."))
        if verdict == self.DISPUTE and not (cleaned.get("comment") or "").strip():
            self.add_error("comment", _("Write why you reject the answer: the unit reads it."))
        return cleaned


class LookupForm(DeskForm):
    reference = forms.CharField(label=_("Request number"), max_length=20)
    token = forms.CharField(
        label=_("Tracking code"),
        max_length=64,
        help_text=_("The code in the tracking link we gave you, after the request number."),
    )
