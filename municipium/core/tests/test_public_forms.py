import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from municipium.core.public_forms import PublicForm, form_post, private
from municipium.core.ratelimit import limit_reset

SPEC = PublicForm(rate_scope="test-form", spam_refusal="spam", too_many_refusal="too many")


class _Form(forms.Form):
    name = forms.CharField()
    day = forms.CharField(required=False)
    website = forms.CharField(required=False)

    def is_spam(self) -> bool:
        return bool(self.data.get("website"))


@pytest.fixture
def post():
    limit_reset(scope=SPEC.rate_scope, key="127.0.0.1", seconds=60)
    request = RequestFactory().post("/")

    def post(data, **kwargs):
        return form_post(request, form := _Form(data), SPEC, **kwargs), form

    return post


def test_a_filled_honeypot_is_refused_before_anything_is_checked(post):
    assert post({"website": "x"}, submit=lambda: 1 / 0)[0] == (None, "spam", 400)


@override_settings(MUNICIPIUM_DESK_RATE_LIMIT=1, MUNICIPIUM_DESK_RATE_SECONDS=60)
def test_only_valid_forms_count_towards_the_limit(post):
    assert post({}, submit=lambda: 1 / 0)[0] == (None, None, 400)
    assert post({"name": "A"}, submit=lambda: "filed")[0] == ("filed", None, 200)
    assert post({"name": "A"}, submit=lambda: 1 / 0)[0] == (None, "too many", 429)


def test_the_services_errors_land_on_the_fields_the_view_names(post):
    def refuse():
        raise ValidationError({"starts_at": "taken", "other": "no"})

    def field_for(form, field):
        return {"starts_at": "day"}.get(field)

    (result, refusal, status), form = post({"name": "A"}, submit=refuse, field_for=field_for)
    assert (result, refusal, status) == (None, None, 400)
    assert form.errors == {"day": ["taken"], "__all__": ["no"]}


def test_a_private_answer_is_neither_kept_nor_indexed_nor_a_referrer():
    response = private(HttpResponse())
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "same-origin"
