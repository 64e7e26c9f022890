"""The words inside a document's file, for the search index: a PDF's through pypdf, a plain text
file's (``.txt``, ``.csv``) as UTF-8, a word processor's (``.docx``, ``.odt``) from its XML;
other types have none. Reading never raises: a broken,
encrypted or huge file gives an error to record, and the document is still found by its title
and file name."""

import io
import itertools
import logging
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from xml.etree import ElementTree

from pypdf import PdfReader
from wagtail.utils.file import hash_filelike

from .models import DOCUMENT_TEXT_LIMIT

logger = logging.getLogger(__name__)

MAX_FILE_SIZE = 50 * 1024 * 1024  # bytes: more than an upload may have (20 MB)
MAX_PAGES = 200  # of a PDF
ERROR_LENGTH = 500  # DocumentText.error


@dataclass(frozen=True)
class FileText:
    file_hash: str  # SHA-1 of the file, as Wagtail's Document.file_hash
    text: str = ""
    error: str = ""  # why the file could not be read; empty when it was


def _pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    # Many PDFs are encrypted only to restrict printing or copying: the empty password opens them.
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValueError("the PDF is encrypted with a password")
    parts, length = [], 0
    for page in itertools.islice(reader.pages, MAX_PAGES):
        part = page.extract_text() or ""
        parts.append(part)
        length += len(part)
        if length >= DOCUMENT_TEXT_LIMIT:
            break
    return "\n".join(parts)


def _plain_text(content: bytes) -> str:
    # Four bytes at most per character: no more than the limit is decoded.
    return content[: DOCUMENT_TEXT_LIMIT * 4].decode("utf-8", errors="replace")


# Word processors' files are zip archives with the text in one XML member; a paragraph or a
# heading there is an element named p or h (w:p in .docx, text:p and text:h in .odt).
OFFICE_TEXT_MEMBERS = {".docx": "word/document.xml", ".odt": "content.xml"}
MAX_XML_SIZE = 20 * 1024 * 1024  # bytes, unpacked: a zip bomb is refused before it is read


def _office_text(member: str):
    def read(content: bytes) -> str:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            info = archive.getinfo(member)
            if info.file_size > MAX_XML_SIZE:
                raise ValueError(f"{member} unpacks to more than {MAX_XML_SIZE} bytes")
            # ElementTree fetches no external entity, and expat (2.4 on) bounds entity expansion.
            root = ElementTree.fromstring(archive.read(info))
        paragraphs = (
            "".join(element.itertext())
            for element in root.iter()
            if isinstance(element.tag, str) and element.tag.rpartition("}")[2] in {"p", "h"}
        )
        return "\n".join(itertools.islice(paragraphs, DOCUMENT_TEXT_LIMIT))

    return read


READERS = {
    ".pdf": _pdf_text,
    ".txt": _plain_text,
    ".csv": _plain_text,
    **{suffix: _office_text(member) for suffix, member in OFFICE_TEXT_MEMBERS.items()},
}


def clean(text: str) -> str:
    """``text`` made fit for the index: NFKC, because PDFs hold ligatures (``ﬁ``) and Arabic
    presentation forms that the normaliser (NFC) would keep apart from the letters a reader
    types; no NUL (PostgreSQL refuses it) nor lone surrogate; single spaces, no empty lines;
    at most DOCUMENT_TEXT_LIMIT characters."""
    text = unicodedata.normalize("NFKC", text).replace("\x00", "")
    text = text.encode("utf-8", errors="replace").decode("utf-8")
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)[:DOCUMENT_TEXT_LIMIT]


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:ERROR_LENGTH]


def file_text(content: bytes, *, filename: str, file_hash: str) -> FileText:
    """The words of a file's ``content``, by the type its ``filename`` says."""
    reader = READERS.get(PurePath(filename).suffix.lower())
    if reader is None:
        return FileText(file_hash=file_hash)
    try:
        return FileText(file_hash=file_hash, text=clean(reader(content)))
    except Exception as error:  # whatever a broken file makes a reader raise
        logger.warning("The text of %s could not be read: %s", filename, _describe(error))
        return FileText(file_hash=file_hash, error=_describe(error))


def document_file_read(document, *, unchanged_hash: str = "") -> FileText | None:
    """The hash and the words of ``document``'s file, or None if its hash is ``unchanged_hash``
    (the file was read already). Wagtail's ``file_hash``, set on upload, spares reading the
    file to learn that; a document saved without it is hashed here."""
    if document.file_hash and document.file_hash == unchanged_hash:
        return None
    try:
        with document.open_file() as file:
            file_hash = document.file_hash or hash_filelike(file)
            if file_hash == unchanged_hash:
                return None
            content = file.read(MAX_FILE_SIZE + 1)
    except Exception as error:  # no file, a storage that fails
        logger.warning("The file of document %s could not be opened: %s", document.pk, error)
        return FileText(file_hash="", error=_describe(error))  # no hash: tried again next time
    if len(content) > MAX_FILE_SIZE:
        return FileText(file_hash=file_hash, error=f"larger than {MAX_FILE_SIZE} bytes: not read")
    return file_text(content, filename=document.filename, file_hash=file_hash)
