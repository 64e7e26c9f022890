"""Wording the translators asked for: words that are a status in one place and a button in
another carry a context; a sentence around a date or a reference is one msgid with a named
placeholder, not pieces glued in the template."""

import re
from pathlib import Path

import pytest
from django.test import Client
from django.utils.translation.template import templatize
from wagtail.users.models import UserProfile

from municipium.desk.services import request_submit

from .staff_world import MONDAY, World

DESK = Path(__file__).resolve().parent.parent
AMBIGUOUS = ("Open", "Overdue", "Send", "Assign")


def test_ambiguous_words_of_the_desk_always_carry_a_context():
    bare = []
    for path in DESK.rglob("*"):
        if "tests" in path.parts or path.suffix not in (".html", ".txt", ".py"):
            continue
        text = path.read_text()
        if path.suffix != ".py":
            text = templatize(text, origin=str(path))
        for word in AMBIGUOUS:
            # gettext("Open") / _("Open"), not pgettext("...", "Open")
            if re.search(rf"(?<![p\w])(?:gettext|gettext_lazy|_)\(\s*['\"]{word}['\"]", text):
                bare.append(f"{path.relative_to(DESK)}: {word}")
    assert not bare


@pytest.mark.django_db
def test_a_duplicate_and_its_original_name_each_other_in_whole_phrases(municipality_factory):
    bornova = municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"})
    world = World(bornova, municipality_factory(slug="sisli"))
    second = request_submit(
        municipality=bornova, category=world.trees_category, language="tr",
        description="Same tree", answers={"street": "x"}, filed_at=MONDAY,
    ).case  # fmt: skip
    profile = UserProfile.get_for_user(world.clerk)
    profile.preferred_language = "en"
    profile.save()
    client = Client(HTTP_HOST="bornova.localhost")
    client.force_login(world.clerk)
    client.post(f"/admin/requests/{second.pk}/duplicate/", {"reference": world.case.reference})
    page = client.get(f"/admin/requests/{second.pk}/").content.decode()
    assert f">Duplicate of {world.case.reference}</a>" in page
    original = client.get(f"/admin/requests/{world.case.pk}/").content.decode()
    assert f"Duplicates of this request<ul><li>{second.reference}</li></ul>" in original
    assert "Its duplicate" not in original
