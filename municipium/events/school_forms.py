"""The teacher's booking form (``events.school_views``): fields only; the rules are in
``events.schools``. The honeypot (``website``) is checked by the view."""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT = "website"


class ClassBookingForm(forms.Form):
    school_name = forms.CharField(label=_("School"), max_length=200)
    grade = forms.CharField(
        label=_("Class"), max_length=40, help_text=_("The grade and the section, e.g. 4-B.")
    )
    pupils = forms.IntegerField(label=_("Number of pupils"), min_value=1, max_value=500)
    escorts = forms.IntegerField(
        label=_("Number of teachers and escorts"),
        min_value=0,
        max_value=100,
        help_text=_("At least one adult for every fifteen pupils."),
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A wheelchair user, a pupil who needs a sign-language interpreter…"),
    )
    special_request = forms.CharField(
        label=_("Anything else we should know"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    teacher_name = forms.CharField(label=_("Teacher's name"), max_length=200)
    teacher_email = forms.EmailField(
        label=_("Teacher's e-mail address"),
        help_text=_("We send the booking's number, our answer and the letter here."),
    )
    teacher_phone = forms.CharField(label=_("Teacher's phone number"), max_length=40)
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.fields["teacher_email"].widget.attrs.update({"autocomplete": "email"})
        self.fields["teacher_name"].widget.attrs.update({"autocomplete": "name"})
        self.fields["teacher_phone"].widget.attrs.update({"autocomplete": "tel"})

    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())
