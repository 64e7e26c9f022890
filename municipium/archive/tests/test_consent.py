"""An item without its contributor's consent to publish online is never public: not served,
not listed, not in the sitemap, not found by the search; the editor refuses to publish it, and
withdrawing the consent unpublishes it (audited)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from municipium.archive.models import ArchiveItemPage
from municipium.archive.services import consent_save, consent_withdraw
from municipium.search.services import search_page_index, search_site_rebuild

pytestmark = pytest.mark.django_db
HOST = "bornova.localhost"


def get(client, path, **params):
    return client.get(path, params, HTTP_HOST=HOST)


def test_an_item_with_consent_to_publish_online_is_served(client, archive):
    response = get(client, archive.public.url)
    assert response.status_code == 200
    assert "Bağ bozumu anıları" in response.content.decode()


def test_a_live_item_without_consent_online_is_not_served(client, archive):
    assert archive.hidden.live  # written straight to the tree: the rule holds all the same
    assert get(client, archive.hidden.url).status_code == 404


def test_a_live_item_without_any_consent_is_not_served(client, archive):
    ArchiveItemPage.objects.filter(pk=archive.public.pk).update(consent=None)
    assert get(client, archive.public.url).status_code == 404


def test_the_archive_and_the_exhibition_list_only_items_with_consent(client, archive):
    for url in (archive.index.url, archive.exhibition.url):
        html = get(client, url).content.decode()
        assert "Bağ bozumu anıları" in html, url
        assert "Gizli anı" not in html, url
        assert "Zeytinyağı" not in html, url


def test_the_archive_filters_offer_no_choice_drawn_only_from_a_hidden_item(client, archive):
    html = get(client, archive.index.url).content.decode()
    assert 'value="1950"' in html and 'value="1960"' in html
    assert 'value="1970"' not in html  # only the hidden item is of the 1970s


def test_the_sitemap_leaves_out_items_without_consent(client, archive):
    xml = get(client, "/sitemap.xml").content.decode()
    assert archive.public.slug in xml
    assert archive.hidden.slug not in xml


def test_the_search_does_not_index_or_find_an_item_without_consent(client, archive):
    assert search_page_index(page=archive.hidden) is None
    assert search_page_index(page=archive.public) is not None
    html = get(client, "/tr/search/", q="Zeytinyağı").content.decode()
    assert "Gizli anı" not in html
    html = get(client, "/tr/search/", q="mahalle").content.decode()
    assert "Bağ bozumu anıları" in html


def test_a_site_rebuild_of_the_search_leaves_out_items_without_consent(client, archive):
    search_site_rebuild(site=archive.index.get_site())
    assert "Gizli anı" not in get(client, "/tr/search/", q="sırrı").content.decode()


def _superuser():
    return get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")


def test_withdrawing_consent_unpublishes_the_item_and_writes_one_audit_entry(client, archive):
    admin = _superuser()
    search_page_index(page=archive.public)
    consent_withdraw(consent=archive.online, by=admin)
    archive.public.refresh_from_db()
    assert not archive.public.live
    assert get(client, archive.public.url).status_code == 404
    assert "Bağ bozumu" not in get(client, "/tr/search/", q="mahalle").content.decode()
    entries = ModelLogEntry.objects.filter(action="archive.consent.withdraw")
    assert entries.count() == 1
    entry = entries.get()
    assert entry.data["changes"]["withdrawn_at"][0] is None
    assert entry.data["unpublished"] == [archive.public.pk]


def test_a_withdrawal_entered_as_a_save_goes_through_the_withdrawal(archive):
    admin = _superuser()
    archive.online.withdrawn_at = datetime.datetime(2026, 1, 2, tzinfo=datetime.UTC)
    consent_save(consent=archive.online, by=admin)
    archive.public.refresh_from_db()
    assert not archive.public.live
    assert ModelLogEntry.objects.filter(action="archive.consent.withdraw").count() == 1


def test_staff_of_another_municipality_cannot_withdraw_a_consent(archive, municipality_factory):
    from django.contrib.auth.models import Group

    other = municipality_factory(slug="rudziniec", languages=["pl", "en"])
    group = Group.objects.create(name="rudziniec staff")
    other.staff_groups.add(group)
    clerk = get_user_model().objects.create_user("clerk", "c@example.org", "pw")
    clerk.groups.add(group)
    with pytest.raises(PermissionDenied):
        consent_withdraw(consent=archive.online, by=clerk)
    archive.public.refresh_from_db()
    assert archive.public.live


def _edit_post(client, item, *, consent, action):
    admin = _superuser()
    # The editor's messages are read in English (the site's Turkish catalogue translates them).
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(admin)
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    data = nested_form_data({
        "title": item.title, "slug": item.slug, "kind": item.kind,
        "description": item.description, "identifier": item.identifier,
        "dc_type": item.dc_type, "licence": item.licence,
        "consent": consent.pk if consent else "", "transcript": rich_text(""), "subjects": "",
        "comments": inline_formset([]), action: "1",
    })  # fmt: skip
    return client.post(f"/admin/pages/{item.pk}/edit/", data, HTTP_HOST=HOST)


def test_the_editor_refuses_to_publish_an_item_without_consent_online(client, archive):
    ArchiveItemPage.objects.filter(pk=archive.hidden.pk).update(live=False)
    response = _edit_post(client, archive.hidden, consent=archive.on_site, action="action-publish")
    assert response.status_code == 200
    assert "has not consented to publication on the" in response.content.decode()
    archive.hidden.refresh_from_db()
    assert not archive.hidden.live


def test_the_editor_saves_a_draft_of_an_item_without_consent(client, archive):
    ArchiveItemPage.objects.filter(pk=archive.hidden.pk).update(live=False)
    response = _edit_post(client, archive.hidden, consent=archive.on_site, action="action-save")
    assert response.status_code == 302
    archive.hidden.refresh_from_db()
    assert not archive.hidden.live


def test_the_editor_publishes_an_item_with_consent_online(client, archive):
    response = _edit_post(client, archive.public, consent=archive.online, action="action-publish")
    assert response.status_code == 302, response.content.decode()[:3000]
    archive.public.refresh_from_db()
    assert archive.public.live


def test_staff_preview_an_item_without_consent(client, archive):
    client.force_login(_superuser())
    response = client.get(f"/admin/pages/{archive.hidden.pk}/view_draft/", HTTP_HOST=HOST)
    assert response.status_code == 200
    assert "Gizli anı" in response.content.decode()
