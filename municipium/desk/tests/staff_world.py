"""The staff's world for the desk's admin tests: Bornova with a directorate (parks) and two
sections (trees, lights), its call centre and mayor's office, their staff, two categories and
a request about a fallen tree; Şişli (another municipality) with its own category, request and
administrator."""

import datetime
import zoneinfo

from django.contrib.auth.models import Permission

from municipium.cases.services import case_attach
from municipium.desk.services import request_submit
from municipium.organisation.models import Unit
from municipium.organisation.tests.factories import staff_user, unit

from .factories import category, question

ISTANBUL = zoneinfo.ZoneInfo("Europe/Istanbul")
MONDAY = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=ISTANBUL)
RESIDENT = {"name": "Ayşe Yılmaz", "email": "ayse@example.org", "phone": "0532 000 11 22"}


class World:
    def __init__(self, bornova, sisli):
        self.bornova, self.sisli = bornova, sisli
        self.parks = unit(bornova, "parks", kind=Unit.Kind.DIRECTORATE)
        self.trees = unit(bornova, "trees", parent=self.parks)
        self.lights = unit(bornova, "lights", parent=self.parks)
        self.call_centre = unit(bornova, "153", kind=Unit.Kind.CALL_CENTRE)
        self.mayor = unit(bornova, "mayor", kind=Unit.Kind.MAYORS_OFFICE)
        self.clerk = staff_user(bornova, "clerk", unit=self.trees)
        self.clerk2 = staff_user(bornova, "clerk2", unit=self.trees)
        self.sibling = staff_user(bornova, "sibling", unit=self.lights)
        self.manager = staff_user(bornova, "manager", unit=self.parks, role="manager")
        self.operator = staff_user(bornova, "operator", unit=self.call_centre)
        self.chief = staff_user(bornova, "chief", unit=self.mayor, role="director")
        self.sisli_unit = unit(sisli, "roads", kind=Unit.Kind.DIRECTORATE)
        self.other_admin = staff_user(
            sisli, "admin-sisli", unit=self.sisli_unit, administrator=True
        )
        self.trees_category = category(bornova, "fallen-tree", self.trees, target=5)
        question(self.trees_category, "street", required=True, tr="Sokak")
        self.lights_category = category(bornova, "street-light", self.lights, target=3)
        self.roads_category = category(sisli, "main-road", self.sisli_unit, target=7)
        self.request = request_submit(
            municipality=bornova, category=self.trees_category, language="tr",
            description="A tree fell on the pavement.", answers={"street": "Kıbrıs Şehitleri"},
            address="Kıbrıs Şehitleri Cd. 12", latitude="38.4237", longitude="27.1428",
            filed_at=MONDAY, **RESIDENT,
        )  # fmt: skip
        self.case = self.request.case
        self.photo = case_attach(
            case=self.case,
            name="tree.jpg",
            content=b"\xff\xd8\xff photo",
            content_type="image/jpeg",
            by=None,
        )
        self.other_request = request_submit(
            municipality=sisli, category=self.roads_category, language="tr",
            description="zqx Şişli pothole", name="Şişli Resident", filed_at=MONDAY,
        )  # fmt: skip
        self.other_case = self.other_request.case

    def grant(self, user, *codenames):
        user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
