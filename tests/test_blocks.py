"""Every block type renders: walking every StreamField of every page model, and every block
inside them, each block a person can add to a stream has a template and renders realistic
content on a live page, with no raw value in its place. A block type or a page model added
tomorrow is walked too, and fails here until it has a template and a realistic value."""

import datetime
import html
import io
import json

import pytest
from django.apps import apps
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents import get_document_model
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page

from municipium.archive.models import ArchiveIndexPage, ExhibitionPage
from municipium.core.blocks import DocumentBlock
from municipium.core.pages import page_ensure
from municipium.directory.models import DirectoratePage, DirectoryIndexPage
from municipium.news.models import NewsArticlePage, NewsIndexPage
from municipium.portal.models import HomePage, MissionPage, StandardPage

from .page_checks import page_problems, visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stream_blocks(block, seen=None):
    """Every (name, block) a person can add to a stream, inside ``block`` at any depth."""
    seen = set() if seen is None else seen
    found = []
    if isinstance(block, blocks.StreamBlock):
        for name, child in block.child_blocks.items():
            if id(child) not in seen:
                seen.add(id(child))
                found.append((name, child))
                found += stream_blocks(child, seen)
    elif isinstance(block, blocks.StructBlock):
        for child in block.child_blocks.values():
            found += stream_blocks(child, seen)
    elif isinstance(block, blocks.ListBlock):
        found += stream_blocks(block.child_block, seen)
    return found


def stream_fields():
    """(page model, field) for every StreamField of every concrete page model."""
    return [
        (model, field)
        for model in apps.get_models()
        if issubclass(model, Page)
        for field in model._meta.get_fields()
        if isinstance(field, StreamField) and field.model is model
    ]


def test_every_stream_field_of_every_page_model_is_walked():
    assert {(model, field.name) for model, field in stream_fields()} == {
        (model, name) for model, names in PAGE_MAKERS_FIELDS.items() for name in names
    }, "a page model with a StreamField needs a maker in PAGE_MAKERS below"


def test_every_block_a_person_can_add_has_a_template():
    missing = [
        f"{model.__name__}.{field.name}: {name}"
        for model, field in stream_fields()
        for name, block in stream_blocks(field.stream_block)
        if not getattr(block.meta, "template", None)
    ]
    assert missing == []


# Realistic content --------------------------------------------------------------------


def _png(colour) -> ImageFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 360), colour).save(buffer, format="PNG")
    return ImageFile(buffer, name="square.png")


def chooser_samples():
    """Raw values (as stored) of blocks whose content is a chosen object, with the text a
    reader sees of each."""
    image = get_image_model().objects.create(title="Kent meydanı", file=_png((11, 79, 138)))
    document = get_document_model().objects.create(
        title="Faaliyet raporu 2025",
        file=SimpleUploadedFile("faaliyet-raporu.pdf", b"%PDF-1.4 report"),
    )
    video = "https://www.youtube.com/watch?v=demo-council"
    Embed.objects.create(
        url=video, hash=get_embed_hash(video), type="video", title="Meclis toplantısı",
        html='<iframe title="Meclis toplantısı" src="https://www.youtube-nocookie.com/embed/demo"></iframe>',
        width=640, height=360, thumbnail_url="",
    )  # fmt: skip
    return {
        ImageBlock: (
            {"image": image.pk, "decorative": False, "alt_text": "Kent meydanında akşam"},
            ["Kent meydanında akşam"],
        ),
        DocumentBlock: (
            {"document": document.pk, "title": "2025 faaliyet raporu"},
            ["2025 faaliyet raporu", "PDF"],
        ),
        EmbedBlock: (video, ["Meclis toplantısı"]),
        TableBlock: (
            {
                "data": [["Birim", "Hafta içi", "Cumartesi"],
                         ["Vatandaş masası", "08.30–17.30", "09.00–13.00"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Çalışma saatleri",
            },
            ["Çalışma saatleri", "Vatandaş masası", "09.00–13.00"],
        ),
    }  # fmt: skip


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


def sample(block, choosers):
    """The block's raw value and the texts a reader must see: a chosen object's from
    ``choosers``, anything else from the block's own preview value."""
    for kind, (raw, expected) in choosers.items():
        if type(block) is kind:
            return raw, expected
    preview = block.get_preview_value()
    assert preview not in (None, "", [], {}), f"{type(block).__name__} needs a preview_value"
    raw = block.get_prep_value(block.normalize(preview))
    texts = [html.unescape(_text_of(s)) for s in _strings(preview)]
    return raw, [text for text in texts if text and not text.startswith(("h2", "h3", "http"))]


def _text_of(value: str) -> str:
    import re

    return re.sub(r"<[^>]+>", "", value).strip()


def stream_of(stream_block, choosers) -> tuple[str, list[str]]:
    """A stream holding one of each block of ``stream_block`` (the top level; nested streams
    through their own preview values), as stored, and every text a reader must see."""
    stream, expected = [], []
    for name, block in stream_block.child_blocks.items():
        raw, texts = sample(block, choosers)
        stream.append({"type": name, "value": raw, "id": f"sample-{name}"})
        expected += texts
    return json.dumps(stream), expected


# One live page of each model with a StreamField ---------------------------------------


def _standard(home, fields):
    return page_ensure(parent=home, page_class=StandardPage, slug="sayfa", language="tr",
                       title="Belediyemiz", intro="Hizmet binalarımız.", **fields)  # fmt: skip


def _article(home, fields):
    index = page_ensure(parent=home, page_class=NewsIndexPage, slug="haberler", language="tr",
                        title="Haberler")  # fmt: skip
    return page_ensure(
        parent=index, page_class=NewsArticlePage, slug="haber", language="tr",
        title="Yeni park açıldı", lead="Park bugün açıldı.",
        date=datetime.datetime(2026, 5, 4, 9, tzinfo=datetime.UTC), **fields,
    )  # fmt: skip


def _directorate(home, fields):
    index = page_ensure(parent=home, page_class=DirectoryIndexPage, slug="mudurlukler",
                        language="tr", title="Müdürlükler")  # fmt: skip
    return page_ensure(parent=index, page_class=DirectoratePage, slug="kultur", language="tr",
                       title="Kültür Müdürlüğü", summary="Kültür ve sanat.", **fields)  # fmt: skip


def _mission(home, fields):
    return page_ensure(parent=home, page_class=MissionPage, slug="misyon", language="tr",
                       title="Misyon", statement="Yaşanabilir bir kent.", **fields)  # fmt: skip


def _exhibition(home, fields):
    index = page_ensure(parent=home, page_class=ArchiveIndexPage, slug="arsiv", language="tr",
                        title="Kent Arşivi")  # fmt: skip
    return page_ensure(
        parent=index, page_class=ExhibitionPage, slug="bornovanin-hafizasi", language="tr",
        title="Bornova'nın Hafızası", kind=ExhibitionPage.Kind.PERMANENT,
        intro="Kentin sözlü tarihi.", **fields,
    )  # fmt: skip


def _home(home, fields):
    for name, value in fields.items():
        setattr(home, name, value)
    home.save()
    return home


PAGE_MAKERS = {
    StandardPage: _standard,
    NewsArticlePage: _article,
    DirectoratePage: _directorate,
    MissionPage: _mission,
    ExhibitionPage: _exhibition,
    HomePage: _home,
}
PAGE_MAKERS_FIELDS = {
    StandardPage: ["body"],
    NewsArticlePage: ["body"],
    DirectoratePage: ["activity_areas", "body"],
    MissionPage: ["areas"],
    ExhibitionPage: ["body"],
    HomePage: ["highlights"],
}


@pytest.mark.parametrize(
    ("model", "field_name"),
    [(model, name) for model, names in PAGE_MAKERS_FIELDS.items() for name in names],
    ids=lambda item: getattr(item, "__name__", item),
)
def test_every_block_renders_realistic_content_on_a_live_page(
    client, municipality_factory, media_root, model, field_name
):
    municipality = municipality_factory(slug="bornova")
    home = municipality.homes["tr"]
    field = model._meta.get_field(field_name)
    stream, expected = stream_of(field.stream_block, chooser_samples())
    page = PAGE_MAKERS[model](home, {field_name: stream})
    assert page.live
    response = client.get(page.url, HTTP_HOST="bornova.localhost")
    assert response.status_code == 200
    page_html = response.content.decode()
    seen = html.unescape(page_html)
    assert [text for text in expected if text not in seen] == []
    assert page_problems(page_html) == {}, visible_text(page_html)


def test_a_table_is_a_table_not_its_data(client, municipality_factory):
    """'Belediyemiz' on Şişli printed {'data': [['Birim', … instead of its table."""
    home = municipality_factory(slug="sisli").homes["tr"]
    table = {"data": [["Birim", "Hafta içi"], ["Özel Kalem", "08.30–17.30"]],
             "first_row_is_table_header": True, "table_caption": ""}  # fmt: skip
    page = _standard(home, {"body": json.dumps([{"type": "table", "value": table}])})
    page_html = client.get(page.url, HTTP_HOST="sisli.localhost").content.decode()
    assert '<th scope="col"' in page_html and "<td" in page_html and "Özel Kalem" in page_html
    assert "{'data'" not in html.unescape(page_html)
