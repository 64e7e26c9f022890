import hashlib
import io
import zipfile

import pytest
import weasyprint
from pypdf import PdfReader, PdfWriter

from municipium.search import document_text
from municipium.search.document_text import clean, document_file_read, file_text

TURKISH = "İmar yönetmeliği kapsamında ruhsat başvuruları"
PERSIAN = "برنامه‌های نوروزی شهرداری برای پاکسازی کوچه‌ها"


def read(content, filename="belge.pdf"):
    return file_text(content, filename=filename, file_hash="abc")


def test_a_pdf_gives_its_turkish_and_persian_text(pdf):
    found = read(pdf(TURKISH, PERSIAN))
    assert TURKISH in found.text
    assert "نوروزی شهرداری" in found.text
    assert (found.error, found.file_hash) == ("", "abc")


def test_plain_text_and_csv_are_read_as_utf8_with_broken_bytes_replaced():
    assert read("İmar\nplanı".encode(), "not.txt").text == "İmar\nplanı"
    assert read(b"ada;parsel\n12;\xff34", "liste.CSV").text == "ada;parsel\n12;\ufffd34"


WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def office_file(member: str, xml: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/octet-stream")
        archive.writestr(member, xml)
    return buffer.getvalue()


def test_a_word_document_gives_its_paragraphs():
    docx = office_file("word/document.xml", (
        f'<w:document xmlns:w="{WORD}"><w:body>'
        "<w:p><w:r><w:t>Salon tahsis </w:t></w:r><w:r><w:t>başvuru formu</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>فرم درخواست سالن</w:t></w:r></w:p>"
        "</w:body></w:document>"
    ))  # fmt: skip
    assert read(docx, "form.docx").text == "Salon tahsis başvuru formu\nفرم درخواست سالن"


def test_an_opendocument_text_gives_its_headings_and_paragraphs():
    odt = office_file("content.xml", (
        f'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        f' xmlns:text="{ODF_TEXT}"><office:body><office:text>'
        "<text:h>Regulamin</text:h>"
        "<text:p>Zapisy do sekcji <text:span>ceramiki</text:span></text:p>"
        "</office:text></office:body></office:document-content>"
    ))  # fmt: skip
    assert read(odt, "regulamin.odt").text == "Regulamin\nZapisy do sekcji ceramiki"


def test_a_word_document_that_unpacks_too_large_or_is_broken_gives_an_error(monkeypatch):
    monkeypatch.setattr(document_text, "MAX_XML_SIZE", 10)
    docx = office_file("word/document.xml", f'<w:document xmlns:w="{WORD}"/>')
    assert "unpacks to more than" in read(docx, "big.docx").error
    assert read(b"PK not a zip", "broken.odt").error


def test_other_types_give_no_text_and_no_error():
    assert read(b"PK\x03\x04 whatever", "tablo.xlsx") == document_text.FileText(file_hash="abc")


@pytest.mark.parametrize(
    "content", [b"", b"not a pdf at all", b"%PDF-1.4\n1 0 obj <<", bytes(range(256)) * 40]
)
def test_a_broken_pdf_gives_an_error_and_never_raises(content):
    found = read(content)
    assert found.text == "" and found.error
    assert len(found.error) <= document_text.ERROR_LENGTH


def test_a_pdf_with_a_password_gives_an_error(pdf):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf(TURKISH))))
    writer.encrypt("gizli", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)
    found = read(locked.getvalue())
    assert found.text == "" and "encrypted" in found.error


def test_a_pdf_encrypted_only_against_copying_is_read(pdf):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf(TURKISH))))
    writer.encrypt(user_password="", owner_password="sahip", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)
    assert TURKISH in read(locked.getvalue()).text


def test_only_the_first_pages_are_read(monkeypatch):
    monkeypatch.setattr(document_text, "MAX_PAGES", 1)
    html = '<p>Birinci sayfa.</p><p style="break-before: page">İkinci sayfa.</p>'
    found = read(weasyprint.HTML(string=html).write_pdf())
    assert "Birinci" in found.text and "İkinci" not in found.text


def test_the_text_is_cut_at_the_limit(monkeypatch):
    monkeypatch.setattr(document_text, "DOCUMENT_TEXT_LIMIT", 10)
    assert read(("kelime " * 100).encode(), "uzun.txt").text == "kelime kel"


def test_clean_makes_ligatures_and_presentation_forms_letters_and_drops_nul_and_blank_lines():
    assert clean("ﬁnans \x00raporu\n\n  \n  ﻛﺘﺎﺏ   ") == "finans raporu\nكتاب"
    assert clean("yarım \ud800 karakter") == "yarım ? karakter"


class _Document:
    """What ``document_file_read`` reads of a Wagtail document."""

    def __init__(self, content, *, file_hash="", filename="belge.txt"):
        self.pk, self.file_hash, self.filename, self.content = 1, file_hash, filename, content

    def open_file(self):
        if self.content is None:
            raise FileNotFoundError("documents/belge.txt")
        return io.BytesIO(self.content)


def test_reading_a_document_hashes_a_file_that_wagtail_did_not():
    found = document_file_read(_Document(b"metin"))
    assert (found.text, found.file_hash) == ("metin", hashlib.sha1(b"metin").hexdigest())


def test_reading_a_document_is_skipped_when_its_hash_is_unchanged():
    assert document_file_read(_Document(None, file_hash="h1"), unchanged_hash="h1") is None
    first = document_file_read(_Document(b"metin"))
    assert document_file_read(_Document(b"metin"), unchanged_hash=first.file_hash) is None
    assert document_file_read(_Document(b"yeni"), unchanged_hash=first.file_hash).text == "yeni"


def test_a_missing_file_gives_an_error_and_no_hash_so_that_it_is_tried_again():
    found = document_file_read(_Document(None, file_hash="h1"))
    assert found.error.startswith("FileNotFoundError") and found.file_hash == ""


def test_a_file_too_large_is_not_read(monkeypatch):
    monkeypatch.setattr(document_text, "MAX_FILE_SIZE", 4)
    found = document_file_read(_Document(b"12345"))
    assert found.text == "" and "larger than 4 bytes" in found.error
