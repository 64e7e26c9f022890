import datetime
import zoneinfo

import pytest
from django.test import Client
from django.utils import timezone

from municipium.desk.services import request_submit
from municipium.desk.tests.factories import category, question
from municipium.open311.services import api_client_create
from municipium.organisation.models import Unit
from municipium.organisation.tests.factories import unit

ISTANBUL = zoneinfo.ZoneInfo("Europe/Istanbul")
RESIDENT = {
    "name": "Ayşe Yılmazoğlu",
    "email": "ayse.private@example.org",
    "phone": "0532 111 22 33",
}


class Town:
    """A municipality with a lights directorate, a street-light service with a question of
    every datatype, a parks service without questions, and an API client."""

    def __init__(self, municipality, slug):
        self.municipality = municipality
        self.host = f"{slug}.localhost"
        self.lights = unit(
            municipality, f"{slug}-lights", kind=Unit.Kind.DIRECTORATE,
            names={"tr": f"{slug} Aydınlatma Müdürlüğü", "en": f"{slug} Lighting Directorate"},
        )  # fmt: skip
        self.street_light = category(
            municipality, "street-light", self.lights, target=3,
            names={"tr": "Sokak lambası", "en": "Street light"}, keywords="lamba, ışık",
        )  # fmt: skip
        question(self.street_light, "pole", required=True, tr="Direk numarası", en="Pole number")
        question(self.street_light, "height", "number", en="Height in metres")
        question(self.street_light, "seen", "datetime", en="When did you see it?")
        question(self.street_light, "details", "text", en="Anything else?")
        question(
            self.street_light, "kind", "singlevaluelist",
            values=[{"key": "off", "names": {"tr": "Yanmıyor", "en": "Off"}},
                    {"key": "blinking", "names": {"en": "Blinking"}}],
            en="What is wrong?",
        )  # fmt: skip
        question(
            self.street_light, "also", "multivaluelist",
            values=[{"key": "wires", "names": {"en": "Loose wires"}},
                    {"key": "glass", "names": {"en": "Broken glass"}}],
            en="Anything else broken?",
        )  # fmt: skip
        self.parks = category(
            municipality, "park", self.lights, target=10, names={"tr": "Park", "en": "Park"}
        )
        self.client_app, self.key = api_client_create(
            municipality=municipality, name=f"{slug} app", by=None
        )

    def client(self) -> Client:
        return Client(HTTP_HOST=self.host)

    def file(self, *, filed_at=None, category=None, **fields):
        values = {
            "municipality": self.municipality,
            "category": category or self.street_light,
            "description": "The light in front of number 12 is off.",
            "language": "tr",
            "answers": {"pole": "B-1043", "kind": "off"} if category is None else {},
            "address": "Atatürk Cd. 12",
            "latitude": "38.462100",
            "longitude": "27.216300",
            "filed_at": filed_at or timezone.now() - datetime.timedelta(days=1),
            **RESIDENT,
        }
        return request_submit(**{**values, **fields})


@pytest.fixture
def bornova(municipality_factory):
    return Town(municipality_factory(slug="bornova"), "bornova")


@pytest.fixture
def sisli(municipality_factory):
    return Town(municipality_factory(slug="sisli"), "sisli")
