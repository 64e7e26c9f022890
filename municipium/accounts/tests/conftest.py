import pytest
from django.contrib.auth import get_user_model

from municipium.organisation.tests.factories import staff_user

PASSWORD = "correct horse battery"


@pytest.fixture
def bornova(municipality_factory):
    return municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"})


@pytest.fixture
def sisli(municipality_factory):
    return municipality_factory(slug="sisli", names={"tr": "Şişli Belediyesi"})


def member(municipality, username, *, administrator=False):
    user = staff_user(municipality, username, administrator=administrator)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def clerk(bornova):
    return member(bornova, "clerk-bornova")


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", password=PASSWORD)


def sign_in(
    client, username, password, *, address="198.51.100.7", host="bornova.localhost", **headers
):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        HTTP_HOST=host,
        REMOTE_ADDR=address,
        **headers,
    )


def fail(client, username, times, **kwargs):
    return [sign_in(client, username, "wrong", **kwargs).status_code for _ in range(times)]
