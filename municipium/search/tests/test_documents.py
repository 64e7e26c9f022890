"""Documents in the index: the text of their files, read in the background after each save."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, CollectionViewRestriction

from municipium.directory.models import DirectorateDocument, DirectoratePage, DirectoryIndexPage
from municipium.search import document_text
from municipium.search.models import DocumentText, Kind, SearchEntry
from municipium.search.selectors import search_result_list
from municipium.search.services import search_page_index
from municipium.search.tasks import document_text_extract

pytestmark = pytest.mark.django_db

IMAR = "İmar yönetmeliği kapsamında ruhsat başvuruları"


def found(municipality, language, text):
    results = search_result_list(site=municipality.site, language=language, text=text).results
    return [(result.kind, result.url) for result in results]


def documents_found(municipality, language, text):
    return [url for kind, url in found(municipality, language, text) if kind == Kind.DOCUMENT]


def link(publish, home, slug, *documents):
    body = [("document", {"document": document, "title": ""}) for document in documents]
    return publish(home, slug, f"Sayfa {slug}", "", body=body)


def test_saving_a_document_reads_its_text_and_a_page_linking_it_indexes_it(
    bornova, publish, upload, pdf
):
    document = upload("Karar 12", "karar.pdf", pdf(IMAR))
    stored = DocumentText.objects.get(document=document)
    assert IMAR in stored.text and stored.error == ""
    assert stored.file_hash == document.file_hash
    link(publish, bornova.homes["tr"], "kararlar", document)
    assert documents_found(bornova, "tr", "ruhsat") == [document.url]
    entry = SearchEntry.objects.get(kind=Kind.DOCUMENT)
    assert entry.text.startswith(f"Karar 12\n{IMAR}")


def test_a_document_entry_and_its_excerpt_never_show_its_file_name(bornova, publish, upload, pdf):
    document = upload("Karar 12", "karar-2025-imar.pdf", pdf(IMAR))
    link(publish, bornova.homes["tr"], "kararlar", document)
    entry = SearchEntry.objects.get(kind=Kind.DOCUMENT)
    assert "karar-2025-imar" not in entry.text and "pdf" not in entry.normalised_text
    found = search_result_list(site=bornova.site, language="tr", text="karar")
    assert found.results and all(".pdf" not in r.excerpt_html for r in found.results)


def test_a_text_read_after_the_page_was_published_reaches_the_entries_of_every_site(
    municipality_factory, publish, pdf, upload
):
    bornova = municipality_factory(slug="bornova")
    konak = municipality_factory(slug="konak")
    document = upload("Karar 12", "karar.pdf", pdf(IMAR))
    DocumentText.objects.all().delete()  # as if no worker had run yet
    link(publish, bornova.homes["tr"], "kararlar", document)
    link(publish, konak.homes["en"], "decisions", document)
    assert documents_found(bornova, "tr", "ruhsat") == []
    document_text_extract.enqueue(document.pk)
    assert documents_found(bornova, "tr", "ruhsat") == [document.url]
    assert documents_found(konak, "en", "ruhsat") == [document.url]
    assert documents_found(konak, "tr", "ruhsat") == []


def test_a_new_file_is_read_again_and_its_old_words_are_no_longer_found(
    bornova, publish, upload, replace_file, pdf
):
    document = upload("Karar 12", "karar.pdf", pdf(IMAR))
    link(publish, bornova.homes["tr"], "kararlar", document)
    replace_file(document, "karar-yeni.pdf", pdf("Otopark ücret tarifesi"))
    assert documents_found(bornova, "tr", "ruhsat") == []
    assert documents_found(bornova, "tr", "otopark") == [document.url]


def test_a_broken_pdf_is_recorded_and_its_document_still_found_by_its_title(
    bornova, publish, upload
):
    document = upload("Bozuk rapor", "rapor.pdf", b"%PDF-1.7\n\x8f\x02 not really")
    stored = DocumentText.objects.get(document=document)
    assert stored.text == "" and stored.error
    link(publish, bornova.homes["tr"], "raporlar", document)
    assert documents_found(bornova, "tr", "bozuk") == [document.url]


def test_the_task_does_not_read_a_file_again_when_its_hash_is_unchanged(
    bornova, publish, upload, pdf, monkeypatch, django_capture_on_commit_callbacks
):
    document = upload("Karar 12", "karar.pdf", pdf(IMAR))
    link(publish, bornova.homes["tr"], "kararlar", document)
    before = DocumentText.objects.get(document=document)
    calls = []
    monkeypatch.setattr(document_text, "file_text", lambda *a, **k: calls.append(a))
    document.title = "Meclis kararı"
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    document_text_extract.enqueue(document.pk)
    assert calls == []
    assert DocumentText.objects.get(document=document).extracted_at == before.extracted_at
    assert documents_found(bornova, "tr", "meclis") == [document.url]  # the new title
    assert documents_found(bornova, "tr", "ruhsat") == [document.url]


def test_a_document_moved_to_a_private_collection_leaves_the_index(
    bornova, publish, upload, pdf, django_capture_on_commit_callbacks
):
    document = upload("Karar 12", "karar.pdf", pdf(IMAR))
    link(publish, bornova.homes["tr"], "kararlar", document)
    private = Collection.get_first_root_node().add_child(name="Gizli")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    document.collection = private
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    assert documents_found(bornova, "tr", "ruhsat") == []


def test_a_deleted_document_leaves_the_index_at_once(bornova, publish, upload, pdf):
    document = upload("Karar 12", "karar.pdf", pdf(IMAR))
    link(publish, bornova.homes["tr"], "kararlar", document)
    assert documents_found(bornova, "tr", "ruhsat") == [document.url]
    document.delete()
    assert documents_found(bornova, "tr", "ruhsat") == []
    assert not SearchEntry.objects.filter(kind=Kind.DOCUMENT).exists()


def test_a_collection_made_private_and_public_again_takes_its_documents_out_and_back(
    bornova, publish, upload, pdf, django_capture_on_commit_callbacks
):
    document = upload("Karar 12", "karar.pdf", pdf(IMAR))
    link(publish, bornova.homes["tr"], "kararlar", document)
    with django_capture_on_commit_callbacks(execute=True):
        restriction = CollectionViewRestriction.objects.create(
            collection=document.collection,
            restriction_type=CollectionViewRestriction.PASSWORD,
            password="x",
        )
    assert documents_found(bornova, "tr", "ruhsat") == []
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert documents_found(bornova, "tr", "ruhsat") == [document.url]


def test_a_document_moved_back_to_a_public_collection_is_found_again(
    bornova, publish, upload, pdf, django_capture_on_commit_callbacks
):
    document = upload("Karar 12", "karar.pdf", pdf(IMAR))
    link(publish, bornova.homes["tr"], "kararlar", document)
    public = document.collection
    private = Collection.get_first_root_node().add_child(name="Gizli")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    for collection, expected in ((private, []), (public, [document.url])):
        document.collection = collection
        with django_capture_on_commit_callbacks(execute=True):
            document.save()
        assert documents_found(bornova, "tr", "ruhsat") == expected


def test_documents_of_a_directorate_page_rows_and_regulation_are_indexed(bornova, publish, upload):
    report = upload("Faaliyet raporu", "rapor.txt", "Kurslara 3.120 kişi katıldı.".encode())
    regulation = upload("Yönetmelik", "yonetmelik.txt", "Çalışma esasları.".encode())
    directory = publish(
        bornova.homes["tr"], "mudurlukler", "Müdürlükler", page_class=DirectoryIndexPage
    )
    publish(
        directory, "kultur", "Kültür", page_class=DirectoratePage,
        regulation_document=regulation, documents=[DirectorateDocument(document=report)],
    )  # fmt: skip
    assert documents_found(bornova, "tr", "kurslara") == [report.url]
    assert documents_found(bornova, "tr", "esasları") == [regulation.url]


def test_the_rebuild_reads_the_documents_not_read_yet(bornova, publish, upload, pdf):
    document = upload("Karar 12", "karar.pdf", pdf(IMAR))
    link(publish, bornova.homes["tr"], "kararlar", document)
    DocumentText.objects.all().delete()
    call_command("search_index_rebuild", stdout=io.StringIO())
    assert DocumentText.objects.filter(document=document).exists()
    assert documents_found(bornova, "tr", "ruhsat") == [document.url]


def _index_queries(page) -> int:
    with CaptureQueriesContext(connection) as captured:
        search_page_index(page=page)
    return len(captured)


def test_the_queries_of_indexing_a_page_do_not_grow_with_its_documents(
    bornova, publish, upload, pdf
):
    content = pdf(IMAR)
    documents = [upload(f"Karar {n}", f"karar-{n}.pdf", content) for n in range(5)]
    one = link(publish, bornova.homes["tr"], "bir", documents[0])
    five = link(publish, bornova.homes["en"], "five", *documents)
    counts = []
    for page in (one, five):
        SearchEntry.objects.filter(kind=Kind.DOCUMENT).delete()
        created = _index_queries(page)
        unchanged = _index_queries(page)
        DocumentText.objects.update(text=f"Otopark {page.slug}")
        changed = _index_queries(page)
        counts.append((created, unchanged, changed))
    assert counts[0] == counts[1]
    assert sorted(documents_found(bornova, "en", "otopark")) == sorted(d.url for d in documents)


@pytest.mark.parametrize("odd_id", ["²", "①", "-1", "1e3", "99999999999999999999", ""])
def test_a_link_to_a_document_with_an_odd_id_in_editor_content_is_indexed_without_it(
    bornova, publish, odd_id
):
    text = f'<p>Karar <a linktype="document" id="{odd_id}">metni</a></p>'
    publish(bornova.homes["tr"], "karar", "Karar", body=[("paragraph", text)])
    assert found(bornova, "tr", "karar") == [(Kind.PAGE, "/tr/karar/")]
