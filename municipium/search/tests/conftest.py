import pytest

from municipium.portal.models import StandardPage
from municipium.portal.services import page_ensure


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
