"""Files belong to their municipality and respect privacy: a document is served only by
Wagtail's view, only on its municipality's hosts, after its collection's view restrictions;
the storage's own addresses serve image renditions and nothing else."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.utils import sendfile as wagtail_sendfile

from municipium.tenancy.demo import collection_ensure
from municipium.tenancy.selectors import municipality_get_for_collection

pytestmark = pytest.mark.django_db

CONTENT = b"Meclis karar\xc4\xb1 2026/14"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def bornova(municipality_factory):
    return municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"})


@pytest.fixture
def sisli(municipality_factory):
    return municipality_factory(slug="sisli", names={"tr": "Şişli Belediyesi"})


def document_create(collection, name="karar.pdf", title="Karar"):
    document = get_document_model()(title=title, collection=collection)
    document.file.save(name, ContentFile(CONTENT), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def get(client, url, host="bornova.localhost", **extra):
    return client.get(url, HTTP_HOST=host, **extra)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_document_is_served_on_its_municipalitys_host(client, bornova):
    document = document_create(collection_ensure(bornova))
    response = get(client, document.url)
    assert response.status_code == 200
    assert body(response) == CONTENT


def test_a_document_of_another_municipality_is_not_found_on_this_host(client, bornova, sisli):
    document = document_create(collection_ensure(sisli))
    assert get(client, document.url, host="sisli.localhost").status_code == 200
    assert get(client, document.url, host="bornova.localhost").status_code == 404


def test_a_document_in_a_collection_inside_the_municipalitys_own_is_its(client, bornova, sisli):
    inner = collection_ensure(bornova).add_child(name="Meclis kararları")
    document = document_create(inner)
    assert municipality_get_for_collection(collection=inner) == bornova
    assert get(client, document.url).status_code == 200
    assert get(client, document.url, host="sisli.localhost").status_code == 404


def test_a_document_of_no_municipality_is_served_on_no_municipalitys_host(client, bornova):
    document = document_create(Collection.get_first_root_node())
    assert get(client, document.url).status_code == 404


def test_the_storages_own_address_of_a_document_is_not_found(client, bornova):
    document = document_create(collection_ensure(bornova))
    assert document.file.url.startswith("/media/documents/")
    assert get(client, document.file.url).status_code == 404
    assert get(client, document.file.url, host="127.0.0.1").status_code == 404


def test_a_document_in_a_private_collection_asks_for_its_password_everywhere(client, bornova):
    collection = collection_ensure(bornova)
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="s3"
    )
    document = document_create(collection)
    response = get(client, document.url)
    assert response.status_code == 200
    assert b"password" in body(response).lower() and CONTENT not in body(response)
    assert get(client, document.file.url).status_code == 404


def test_another_municipalitys_private_document_is_not_found_not_guarded(client, bornova, sisli):
    """No password form on the wrong host: it would tell that the document exists."""
    collection = collection_ensure(sisli)
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="s3"
    )
    assert get(client, document_create(collection).url).status_code == 404


def test_on_the_installations_host_only_the_municipalitys_staff_open_its_documents(
    client, bornova, sisli
):
    document = document_create(collection_ensure(bornova))
    assert get(client, document.url, host="127.0.0.1").status_code == 404
    outsider = get_user_model().objects.create_user("sisli-editor", password="x")
    outsider.groups.add(*sisli.staff_groups.all())
    client.force_login(outsider)
    assert get(client, document.url, host="127.0.0.1").status_code == 404
    editor = get_user_model().objects.create_user("bornova-editor", password="x")
    bornova.staff_groups.create(name="bornova editors").user_set.add(editor)
    client.force_login(editor)
    assert get(client, document.url, host="127.0.0.1").status_code == 200


def test_image_renditions_stay_public_and_originals_are_not_served(client, bornova, sisli):
    image = get_image_model().objects.create(
        title="Meydan", file=get_test_image_file(), collection=collection_ensure(sisli)
    )
    rendition = image.get_rendition("width-100")
    assert rendition.url.startswith("/media/images/")
    assert get(client, rendition.url).status_code == 200
    assert get(client, image.file.url).status_code == 404  # /media/original_images/...


def test_no_path_under_image_renditions_reaches_another_directory(client, bornova):
    document = document_create(collection_ensure(bornova))
    escape = f"/media/images/../{document.file.name}"
    assert get(client, escape).status_code == 404
    assert get(client, escape.replace("..", "%2e%2e")).status_code == 404


@pytest.fixture
def nginx(settings):
    settings.SENDFILE_BACKEND = "municipium.core.sendfile_nginx"
    settings.MUNICIPIUM_DOCUMENTS_INTERNAL_URL = "/protected-media/"
    wagtail_sendfile._get_sendfile.clear()
    yield
    wagtail_sendfile._get_sendfile.clear()


def test_behind_nginx_the_file_leaves_through_an_internal_location(client, bornova, sisli, nginx):
    document = document_create(collection_ensure(bornova), name="meclis kararı.pdf")
    response = get(client, document.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == (
        f"/protected-media/documents/{document.file.name.split('/')[-1]}".replace(
            " ", "%20"
        ).replace("ı", "%C4%B1")
    )
    assert CONTENT not in response.content
    assert get(client, document.url, host="sisli.localhost").status_code == 404


@override_settings(WAGTAILDOCS_SERVE_METHOD="redirect")
def test_with_object_storage_the_redirect_comes_after_the_host_check(client, bornova, sisli):
    document = document_create(collection_ensure(bornova))
    response = get(client, document.url)
    assert response.status_code == 302
    assert response["Location"] == document.file.url
    assert get(client, document.url, host="sisli.localhost").status_code == 404


def test_a_collection_belongs_to_no_municipality_when_two_share_its_name(bornova, sisli):
    root = Collection.get_first_root_node()
    assert municipality_get_for_collection(collection=root) is None
    assert municipality_get_for_collection(collection=collection_ensure(sisli)) == sisli
    shared = root.add_child(name="Ortak")
    bornova.names.create(language="en", name="Ortak")
    sisli.names.create(language="en", name="Ortak")
    assert municipality_get_for_collection(collection=shared) is None
