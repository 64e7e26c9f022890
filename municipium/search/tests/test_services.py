import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction

from municipium.core.pages import page_ensure
from municipium.directory.models import DirectoratePage, DirectoryIndexPage
from municipium.news.models import NewsArticlePage, NewsIndexPage
from municipium.search.models import Kind, SearchEntry
from municipium.search.selectors import search_result_list
from municipium.search.services import (
    search_entry_put,
    search_entry_remove,
    search_page_index,
    search_site_rebuild,
)

pytestmark = pytest.mark.django_db


def found(municipality, language, text):
    results = search_result_list(site=municipality.site, language=language, text=text).results
    return [(result.kind, result.url) for result in results]


def test_publishing_indexes_the_page_with_its_text_fields(bornova, publish):
    page = publish(bornova.homes["tr"], "su", "Su kesintisi", "Gövde metni.", intro="Giriş metni.")
    entry = SearchEntry.objects.get(object_key=f"page:{page.pk}")
    assert (entry.site, entry.language, entry.kind, entry.url) == (
        bornova.site, "tr", Kind.PAGE, "/tr/su/"
    )  # fmt: skip
    assert "Giriş metni." in entry.text and "Gövde metni." in entry.text
    # Each word as the index holds it: stemmed in Turkish ("kesintisi" has the suffix -si).
    assert entry.normalised_title == "su kesintis"


def test_news_and_directorates_have_their_kind_and_the_news_its_date(bornova, publish):
    home = bornova.homes["tr"]
    news_index = publish(home, "haberler", "Haberler", page_class=NewsIndexPage)
    date = datetime.datetime(2025, 3, 21, 9, tzinfo=datetime.UTC)
    publish(
        news_index, "nevruz", "Nevruz kutlaması", page_class=NewsArticlePage,
        lead="Nevruz coşkusu.", date=date,
    )  # fmt: skip
    directory = publish(home, "mudurlukler", "Müdürlükler", page_class=DirectoryIndexPage)
    publish(
        directory, "fen-isleri", "Fen İşleri", page_class=DirectoratePage,
        summary="Yollar ve kaldırımlar.", director_name="Ayşe Yılmaz",
    )  # fmt: skip
    assert found(bornova, "tr", "nevruz") == [(Kind.NEWS, "/tr/haberler/nevruz/")]
    assert found(bornova, "tr", "AYŞE YILMAZ") == [
        (Kind.DIRECTORATE, "/tr/mudurlukler/fen-isleri/")
    ]
    entry = SearchEntry.objects.get(kind=Kind.NEWS)
    assert entry.date == date


def test_republishing_updates_the_entry(bornova, publish):
    page = publish(bornova.homes["tr"], "duyuru", "Duyuru", "Eski metin.")
    page.body = [("paragraph", "<p>Yeni metin.</p>")]
    page.save_revision().publish()
    assert found(bornova, "tr", "yeni") and not found(bornova, "tr", "eski")
    assert SearchEntry.objects.filter(object_key=f"page:{page.pk}").count() == 1


def test_unpublishing_removes_the_page(bornova, publish):
    page = publish(bornova.homes["tr"], "duyuru", "Duyuru", "Geçici metin.")
    page.unpublish()
    assert found(bornova, "tr", "geçici") == []


def test_deleting_removes_the_page_and_its_descendants(bornova, publish):
    parent = publish(bornova.homes["tr"], "ust", "Üst sayfa", "Kavak.")
    publish(parent, "alt", "Alt sayfa", "Kavak.")
    parent.delete()
    assert found(bornova, "tr", "kavak") == []
    assert not SearchEntry.objects.exists()


def test_moving_a_page_updates_its_address(bornova, publish):
    first = publish(bornova.homes["tr"], "birinci", "Birinci", "")
    second = publish(bornova.homes["tr"], "ikinci", "İkinci", "")
    page = publish(first, "tasinan", "Taşınan sayfa", "Ihlamur.")
    page.move(second, pos="last-child")
    assert found(bornova, "tr", "ıhlamur") == [(Kind.PAGE, "/tr/ikinci/tasinan/")]


def test_reordering_siblings_indexes_nothing_again(bornova, publish):
    from unittest import mock

    first = publish(bornova.homes["tr"], "birinci", "Birinci", "")
    publish(first, "alt", "Alt", "")
    second = publish(bornova.homes["tr"], "ikinci", "İkinci", "")
    with mock.patch("municipium.search.signals.search_subtree_index") as reindex:
        first.move(second, pos="right")
    assert not reindex.called
    assert found(bornova, "tr", "alt") == [(Kind.PAGE, "/tr/birinci/alt/")]


def test_a_page_moved_to_another_site_is_found_only_there(municipality_factory, publish):
    bornova = municipality_factory(slug="bornova")
    konak = municipality_factory(slug="konak")
    page = publish(bornova.homes["tr"], "gezgin", "Gezgin sayfa", "Çam.")
    page.move(konak.homes["tr"], pos="last-child")
    assert found(bornova, "tr", "çam") == []
    assert found(konak, "tr", "çam") == [(Kind.PAGE, "/tr/gezgin/")]


def test_a_new_slug_updates_the_descendants_addresses(
    bornova, publish, django_capture_on_commit_callbacks
):
    parent = publish(bornova.homes["tr"], "eski-ad", "Üst", "")
    publish(parent, "cocuk", "Çocuk", "Söğüt.")
    parent.slug = "yeni-ad"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail signals a slug on commit
        parent.save_revision().publish()
    assert found(bornova, "tr", "söğüt") == [(Kind.PAGE, "/tr/yeni-ad/cocuk/")]


def test_a_private_page_is_not_found(bornova, publish):
    page = publish(bornova.homes["tr"], "gizli", "Gizli", "Meşe.")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert found(bornova, "tr", "meşe") == []
    search_page_index(page=page)
    assert found(bornova, "tr", "meşe") == []


def test_draft_changes_are_not_indexed(bornova, publish):
    page = publish(bornova.homes["tr"], "taslak", "Taslak", "Yayında.")
    page.body = [("paragraph", "<p>Henüz yayında değil.</p>")]
    page.save_revision()
    assert found(bornova, "tr", "henüz") == []


def _document(title):
    document = get_document_model()(title=title, collection=Collection.get_first_root_node())
    document.file.save("butce.pdf", ContentFile(b"%PDF-1.4"), save=False)
    document.save()
    return document


def test_documents_linked_from_a_page_are_found_until_no_page_links_them(bornova, publish):
    document = _document("Bütçe 2025")
    body = [("document", {"document": document, "title": ""})]
    first = publish(bornova.homes["tr"], "mali", "Mali tablolar", "", body=body)
    second = publish(bornova.homes["tr"], "meclis", "Meclis kararları", "", body=body)
    assert (Kind.DOCUMENT, document.url) in found(bornova, "tr", "bütçe")
    assert SearchEntry.objects.filter(kind=Kind.DOCUMENT).count() == 1
    first.unpublish()
    assert (Kind.DOCUMENT, document.url) in found(bornova, "tr", "bütçe")
    second.delete()
    assert found(bornova, "tr", "bütçe") == []


def test_rebuild_indexes_pages_made_without_publishing(bornova):
    page_ensure(
        parent=bornova.homes["en"], page_class=DirectoryIndexPage, slug="units",
        language="en", title="Units", intro="Municipal directorates.",
    )  # fmt: skip
    assert found(bornova, "en", "directorates") == []
    search_site_rebuild(site=bornova.site)
    assert found(bornova, "en", "directorates") == [(Kind.PAGE, "/en/units/")]
    call_command("search_index_rebuild", bornova.site.hostname, stdout=io.StringIO())
    assert found(bornova, "en", "directorates") == [(Kind.PAGE, "/en/units/")]


def test_rebuild_keeps_sites_apart(municipality_factory, publish):
    bornova = municipality_factory(slug="bornova")
    konak = municipality_factory(slug="konak")
    publish(bornova.homes["tr"], "a", "Bornova sayfası", "Defne.")
    publish(konak.homes["tr"], "a", "Konak sayfası", "Defne.")
    search_site_rebuild(site=bornova.site)
    assert found(bornova, "tr", "defne") == [(Kind.PAGE, "/tr/a/")]
    assert len(found(konak, "tr", "defne")) == 1


def test_other_things_can_be_put_and_removed(bornova):
    search_entry_put(
        site=bornova.site, language="tr", object_key="person:7", kind=Kind.PERSON,
        title="Mehmet Öztürk", url="/tr/kisiler/7/", text="Fen İşleri Müdürü",
    )  # fmt: skip
    assert found(bornova, "tr", "öztürk") == [(Kind.PERSON, "/tr/kisiler/7/")]
    search_entry_remove(object_key="person:7", site=bornova.site)
    assert found(bornova, "tr", "öztürk") == []
