from html import escape

import pytest
import weasyprint
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from municipium.core.pages import page_ensure
from municipium.portal.models import StandardPage


@pytest.fixture
def bornova(municipality_factory):
    return municipality_factory(slug="bornova")


@pytest.fixture
def bumehen(municipality_factory):
    return municipality_factory(
        slug="bumehen", country="IR", languages=["fa", "en"], calendar="solar_hijri",
        time_zone="Asia/Tehran",
    )  # fmt: skip


@pytest.fixture
def publish():
    """``publish(home, "slug", "Title", "body text")``: a standard page under ``home`` in the
    home's language, published through a revision as an editor would (which indexes it)."""

    def publish_page(parent, slug, title, text="", *, intro="", page_class=StandardPage, **fields):
        if page_class is StandardPage:
            fields.setdefault("body", [("paragraph", f"<p>{text}</p>")] if text else [])
            fields.setdefault("intro", intro)
        page = page_ensure(
            parent=parent, page_class=page_class, slug=slug,
            language=parent.locale.language_code, title=title, **fields,
        )  # fmt: skip
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return publish_page


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Files the tests upload go to the test's own directory, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def pdf():
    """``pdf("first paragraph", "second")``: a real PDF of those paragraphs."""

    def make_pdf(*paragraphs: str) -> bytes:
        body = "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
        return weasyprint.HTML(string=f'<html><body lang="tr">{body}</body></html>').write_pdf()

    return make_pdf


def _file_save(document, filename, content, capture_on_commit):
    """Give ``document`` a file and save it as Wagtail's forms do (with the file's hash), running
    what its save queues on commit (the reading of its text)."""
    document.file.save(filename, ContentFile(content), save=False)
    document._set_document_file_metadata()
    with capture_on_commit(execute=True):
        document.save()
    return document


@pytest.fixture
def upload(django_capture_on_commit_callbacks):
    """``upload("Title", "name.pdf", content)``: a document saved as Wagtail's upload form saves
    it (with its file's hash), its text read by the task its save queues."""

    def upload_document(title, filename, content, *, collection=None):
        document = get_document_model()(
            title=title, collection=collection or Collection.get_first_root_node()
        )
        return _file_save(document, filename, content, django_capture_on_commit_callbacks)

    return upload_document


@pytest.fixture
def replace_file(django_capture_on_commit_callbacks):
    """``replace_file(document, "name.pdf", content)``: a new file, as Wagtail's edit form
    saves it."""

    def replace(document, filename, content):
        return _file_save(document, filename, content, django_capture_on_commit_callbacks)

    return replace
