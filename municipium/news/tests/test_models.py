import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from municipium.news.models import NewsArticlePage, NewsKind

from .factories import article_create, directorate_create, image_create, sections_create

pytestmark = pytest.mark.django_db


def test_only_a_press_release_has_a_number(bornova):
    article = NewsArticlePage(title="x", lead="y", kind=NewsKind.NEWS, press_release_number="7")
    with pytest.raises(ValidationError) as error:
        article.clean()
    assert "press_release_number" in error.value.message_dict
    article.kind = NewsKind.PRESS_RELEASE
    article.clean()


def test_an_image_needs_a_text_alternative_from_the_article_or_the_image(bornova, media_root):
    article = NewsArticlePage(title="x", lead="y", image=image_create())
    with pytest.raises(ValidationError) as error:
        article.clean()
    assert "image_alt" in error.value.message_dict
    article.image_alt = "Children on the new swings"
    article.clean()
    assert article.alt_text == "Children on the new swings"
    described = NewsArticlePage(title="x", lead="y", image=image_create(description="A park"))
    described.clean()
    assert described.alt_text == "A park"


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("admin", password="x"))
    return client


def test_the_editor_offers_only_directorates_of_the_articles_site_and_language(
    admin_client, bornova, municipality_factory
):
    sisli = sections_create(municipality_factory(slug="sisli"))
    directorate_create(bornova.directory["tr"], "parklar", "Parklar Müdürlüğü")
    directorate_create(bornova.directory["en"], "parks", "Parks Directorate")
    directorate_create(sisli.directory["tr"], "kalem", "Özel Kalem Müdürlüğü")
    article = article_create(bornova.news["tr"], "haber")
    for url in (
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/add/news/newsarticlepage/{bornova.news['tr'].pk}/",
    ):
        html = admin_client.get(url, HTTP_HOST="bornova.localhost").content.decode()
        assert "Parklar Müdürlüğü" in html, url
        assert "Parks Directorate" not in html and "Özel Kalem Müdürlüğü" not in html, url
