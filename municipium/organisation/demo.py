"""The demo organisations: each municipality's directorates and their sections, a call centre
and a mayor's office, invented people in positions, and demo staff in units with a role.
Built through the organisation's services (by=None: the system); running it again changes
nothing. People and contacts are invented (example.org, made-up numbers)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.text import slugify

from municipium.tenancy.demo import demo_user_ensure

from .models import Membership, Unit
from .services import (
    job_title_ensure,
    membership_ensure,
    person_ensure,
    unit_ensure,
    unit_positions_set,
)

if TYPE_CHECKING:
    from municipium.tenancy.models import Municipality

Kind = Unit.Kind

# Units besides the directorates' sections: (code, kind, names by language).
# fmt: off
UNITS = {
    "bornova": [
        ("kultur-ve-sosyal-isler", Kind.DIRECTORATE, {"tr": "Kültür ve Sosyal İşler Müdürlüğü", "en": "Culture and Social Affairs Directorate"}),
        ("park-ve-bahceler", Kind.DIRECTORATE, {"tr": "Park ve Bahçeler Müdürlüğü", "en": "Parks and Gardens Directorate"}),
        ("ozel-kalem", Kind.MAYORS_OFFICE, {"tr": "Özel Kalem Müdürlüğü", "en": "Private Office of the Mayor"}),
        ("cagri-merkezi", Kind.CALL_CENTRE, {"tr": "Çağrı Merkezi (153)", "en": "Call Centre (153)"}),
    ],
    "kuzeykent": [
        ("basin-yayin-halkla-iliskiler", Kind.DIRECTORATE, {"tr": "Basın Yayın ve Halkla İlişkiler Dairesi Başkanlığı", "en": "Press, Publications and Public Relations Department"}),
        ("ozel-kalem", Kind.MAYORS_OFFICE, {"tr": "Özel Kalem Müdürlüğü", "en": "Private Office of the Mayor"}),
        ("cagri-merkezi", Kind.CALL_CENTRE, {"tr": "Alo 153 Çağrı Merkezi", "en": "Alo 153 Call Centre"}),
    ],
    "sisli": [
        ("ozel-kalem", Kind.MAYORS_OFFICE, {"tr": "Özel Kalem Müdürlüğü", "en": "Private Office of the Mayor"}),
        ("beyaz-masa", Kind.CALL_CENTRE, {"tr": "Beyaz Masa ve Çağrı Merkezi", "en": "White Desk and Call Centre"}),
    ],
    "bumehen": [
        ("farhangi-ejtemaei", Kind.DIRECTORATE, {"fa": "معاونت فرهنگی و اجتماعی", "en": "Cultural and Social Affairs"}),
        ("daftar-shahrdar", Kind.MAYORS_OFFICE, {"fa": "دفتر شهردار", "en": "Office of the Mayor"}),
        ("samaneh-137", Kind.CALL_CENTRE, {"fa": "سامانه ۱۳۷", "en": "137 Call Centre"}),
    ],
    "rudziniec": [
        ("dzial-programowy", Kind.DIRECTORATE, {"pl": "Dział programowy", "en": "Programme Section"}),
        ("dyrekcja", Kind.MAYORS_OFFICE, {"pl": "Dyrekcja i sekretariat", "en": "Director's Office"}),
        ("informacja", Kind.CALL_CENTRE, {"pl": "Punkt informacyjny", "en": "Information Desk"}),
    ],
}
# fmt: on

PEOPLE = {
    "bornova": [
        ("Deniz Arslan", "deniz.arslan@bornova.example.org", "(0232) 555 01 00", "4210"),
        ("Selin Öztürk", "selin.ozturk@bornova.example.org", "(0232) 555 01 00", "4215"),
        ("Emre Koç", "emre.koc@bornova.example.org", "(0232) 555 01 00", "4220"),
        ("Gizem Tekin", "gizem.tekin@bornova.example.org", "(0232) 555 01 00", "4230"),
        ("Barış Uçar", "", "(0232) 555 01 00", "4231"),
        ("Ozan Kaya", "ozan.kaya@bornova.example.org", "(0232) 555 01 00", "4240"),
        ("Nehir Aydoğan", "", "(0232) 555 01 00", "4216"),
        ("Ayşe Çelik", "ayse.celik@bornova.example.org", "(0232) 555 01 00", "4300"),
    ],
    "kuzeykent": [("Murat Aydın", "murat.aydin@kuzeykent.example.org", "(0312) 555 02 00", "1200")],
    "sisli": [
        ("Elif Karaca", "elif.karaca@sisli.example.org", "(0212) 555 03 00", "101"),
        ("Burak Şahin", "burak.sahin@sisli.example.org", "(0212) 555 03 00", "110"),
        ("Zeynep Aksoy", "zeynep.aksoy@sisli.example.org", "(0212) 555 03 00", "120"),
        ("Can Yıldız", "can.yildiz@sisli.example.org", "(0212) 555 03 00", "130"),
        ("Merve Demir", "", "(0212) 555 03 00", "121"),
        ("Okan Polat", "", "(0212) 555 03 00", "111"),
        ("Hakan Erdem", "hakan.erdem@sisli.example.org", "(0212) 555 03 10", ""),
    ],
    "bumehen": [
        ("سارا کریمی", "s.karimi@bumehen.example.org", "021-5550-0400", "210"),
        ("مریم احمدی", "m.ahmadi@bumehen.example.org", "021-5550-0400", "214"),
        ("علی رضایی", "", "021-5550-0400", "216"),
        ("نرگس موسوی", "", "021-5550-0400", "218"),
    ],
    "rudziniec": [("Anna Nowak", "a.nowak@rudziniec.example.org", "+48 32 555 05 00", "12")],
}

# Each directorate's organisation: units as (key, key of the unit it is part of, names by
# language) and roles as (person, unit key or None, heads it, appointed on, titles).
# fmt: off
ORGANISATIONS = {
    "kultur-ve-sosyal-isler": {
        "units": [
            ("events", None, {"tr": "Etkinlik ve Organizasyon Şefliği", "en": "Events Section"}),
            ("courses", None, {"tr": "Kurslar ve Atölyeler Şefliği", "en": "Courses and Workshops Section"}),
            ("science", "courses", {"tr": "Bilim Atölyeleri", "en": "Science Workshops"}),
            ("exhibitions", None, {"tr": "Sergi ve Arşiv Birimi", "en": "Exhibitions and Archive Unit"}),
            ("oral-history", "exhibitions", {"tr": "Sözlü Tarih Arşivi", "en": "Oral History Archive"}),
        ],
        "roles": [
            ("Deniz Arslan", None, True, datetime.date(2021, 3, 1), {"tr": "Müdür", "en": "Director"}),
            ("Selin Öztürk", "events", True, datetime.date(2019, 9, 16), {"tr": "Şef", "en": "Head of section"}),
            ("Nehir Aydoğan", "events", False, datetime.date(2022, 2, 7), {"tr": "Organizasyon Sorumlusu", "en": "Events officer"}),
            ("Emre Koç", "courses", True, datetime.date(2018, 10, 1), {"tr": "Şef", "en": "Head of section"}),
            ("Ozan Kaya", "science", True, datetime.date(2023, 1, 9), {"tr": "Bilim Eğitmeni", "en": "Science educator"}),
            ("Gizem Tekin", "exhibitions", True, datetime.date(2020, 6, 15), {"tr": "Birim Sorumlusu", "en": "Head of unit"}),
            ("Barış Uçar", "oral-history", False, datetime.date(2024, 4, 1), {"tr": "Arşiv Uzmanı", "en": "Archivist"}),
        ],
    },
    "park-ve-bahceler": {
        "units": [],
        "roles": [("Ayşe Çelik", None, True, datetime.date(2020, 1, 6), {"tr": "Müdür", "en": "Director"})],
    },
    "basin-yayin-halkla-iliskiler": {
        "units": [],
        "roles": [("Murat Aydın", None, True, datetime.date(2019, 5, 2), {"tr": "Daire Başkanı", "en": "Head of Department"})],
    },
    "ozel-kalem": {
        "units": [
            ("protocol", None, {"tr": "Protokol ve Tören Birimi", "en": "Protocol and Ceremonies Unit"}),
            ("secretariat", None, {"tr": "Randevu ve Sekreterya Birimi", "en": "Appointments and Secretariat Unit"}),
            ("records", "secretariat", {"tr": "Yazı İşleri ve Arşiv", "en": "Correspondence and Records"}),
            ("petitions", None, {"tr": "Halkla İlişkiler ve Dilekçe Birimi", "en": "Public Relations and Petitions Unit"}),
        ],
        "roles": [
            ("Elif Karaca", None, True, datetime.date(2024, 4, 8), {"tr": "Özel Kalem Müdürü", "en": "Head of the Private Office"}),
            ("Burak Şahin", "protocol", True, datetime.date(2019, 11, 4), {"tr": "Protokol Şefi", "en": "Head of protocol"}),
            ("Okan Polat", "protocol", False, datetime.date(2022, 9, 12), {"tr": "Protokol Memuru", "en": "Protocol officer"}),
            ("Zeynep Aksoy", "secretariat", True, datetime.date(2021, 2, 15), {"tr": "Birim Sorumlusu", "en": "Head of unit"}),
            ("Merve Demir", "records", False, datetime.date(2023, 3, 20), {"tr": "Evrak Memuru", "en": "Records officer"}),
            ("Can Yıldız", "petitions", True, datetime.date(2020, 7, 1), {"tr": "Birim Sorumlusu", "en": "Head of unit"}),
        ],
    },
    "farhangi-ejtemaei": {
        "units": [
            ("programmes", None, {"fa": "اداره برنامه‌های فرهنگی", "en": "Cultural Programmes Office"}),
            ("civic", None, {"fa": "اداره آموزش شهروندی", "en": "Civic Education Office"}),
            ("schools", "civic", {"fa": "واحد همکاری با مدارس", "en": "Schools Liaison"}),
        ],
        "roles": [
            ("سارا کریمی", None, True, datetime.date(2022, 8, 23), {"fa": "معاون فرهنگی و اجتماعی", "en": "Deputy Mayor for Culture"}),
            ("مریم احمدی", "programmes", True, datetime.date(2023, 1, 21), {"fa": "رئیس اداره", "en": "Head of office"}),
            ("علی رضایی", "civic", True, datetime.date(2021, 10, 2), {"fa": "رئیس اداره", "en": "Head of office"}),
            ("نرگس موسوی", "schools", False, datetime.date(2024, 9, 23), {"fa": "کارشناس آموزش", "en": "Education officer"}),
        ],
    },
    "dzial-programowy": {
        "units": [],
        "roles": [("Anna Nowak", None, True, datetime.date(2017, 9, 1), {"pl": "Kierowniczka", "en": "Head"})],
    },
}
# fmt: on

# The units whose sections and people ORGANISATIONS gives, per municipality.
ORGANISED = {
    "bornova": ["kultur-ve-sosyal-isler", "park-ve-bahceler"],
    "kuzeykent": ["basin-yayin-halkla-iliskiler"],
    "sisli": ["ozel-kalem"],
    "bumehen": ["farhangi-ejtemaei"],
    "rudziniec": ["dzial-programowy"],
}

# Demo staff: (user name, unit code, role). Each is also in the municipality's staff group;
# ``admin-<slug>`` administers the organisation and sees the whole audit log.
STAFF = {
    "bornova": [
        ("director-bornova", "kultur-ve-sosyal-isler", Membership.Role.DIRECTOR),
        ("clerk-bornova", "kultur-ve-sosyal-isler-events", Membership.Role.CLERK),
        ("callcentre-bornova", "cagri-merkezi", Membership.Role.CLERK),
    ],
    "kuzeykent": [
        ("director-kuzeykent", "basin-yayin-halkla-iliskiler", Membership.Role.DIRECTOR),
        ("callcentre-kuzeykent", "cagri-merkezi", Membership.Role.CLERK),
    ],
    "sisli": [
        ("director-sisli", "ozel-kalem", Membership.Role.DIRECTOR),
        ("clerk-sisli", "ozel-kalem-petitions", Membership.Role.CLERK),
        ("callcentre-sisli", "beyaz-masa", Membership.Role.CLERK),
    ],
    "bumehen": [
        ("director-bumehen", "farhangi-ejtemaei", Membership.Role.DIRECTOR),
        ("clerk-bumehen", "farhangi-ejtemaei-civic", Membership.Role.CLERK),
        ("callcentre-bumehen", "samaneh-137", Membership.Role.CLERK),
    ],
    "rudziniec": [
        ("director-rudziniec", "dyrekcja", Membership.Role.DIRECTOR),
        ("clerk-rudziniec", "dzial-programowy", Membership.Role.CLERK),
    ],
}

ADMINISTRATOR_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("unit", "person", "jobtitle", "membership")
    for action in ("add", "change", "delete", "view")
]
EDITOR_PERMISSIONS = ["add_person", "change_person", "delete_person", "view_person"]


def _permissions(codenames):
    return Permission.objects.filter(content_type__app_label="organisation", codename__in=codenames)


def _section_code(directorate: str, names: dict[str, str]) -> str:
    return slugify(f"{directorate}-{names.get('en') or next(iter(names.values()))}")[:64]


def _job_title_code(titles: dict[str, str]) -> str:
    return slugify(titles.get("en") or next(iter(titles.values())))[:64]


@transaction.atomic
def units_ensure(municipality: Municipality) -> dict[str, Unit]:
    """The municipality's units by code: its directorates, their sections, its call centre
    and mayor's office, with the positions people hold in them."""
    slug = municipality.slug
    units = {}
    for order, (code, kind, names) in enumerate(UNITS.get(slug, [])):
        units[code] = unit_ensure(
            municipality=municipality, code=code, names=names, kind=kind, sort_order=order, by=None
        )
    people = {
        name: person_ensure(
            municipality=municipality,
            name=name,
            email=email,
            phone=phone,
            phone_extension=extension,
            by=None,
        )
        for name, email, phone, extension in PEOPLE.get(slug, [])
    }
    for directorate in ORGANISED.get(slug, []):
        organisation, top = ORGANISATIONS[directorate], units[directorate]
        for order, (key, parent, names) in enumerate(organisation["units"]):
            # Units are found by this dict's key; their code is the one the data migration
            # gives a section (its directorate and English name), so that the demo run again
            # on a database migrated from the pages' rows finds them instead of adding copies.
            units[f"{directorate}-{key}"] = unit_ensure(
                municipality=municipality,
                code=_section_code(directorate, names),
                names=names,
                parent=units[f"{directorate}-{parent}"] if parent else top,
                kind=Kind.SECTION,
                sort_order=order,
                by=None,
            )
        positions = {}
        for person, key, is_head, appointed_on, titles in organisation["roles"]:
            where = f"{directorate}-{key}" if key else directorate
            job_title = job_title_ensure(
                municipality=municipality, code=_job_title_code(titles), names=titles, by=None
            )
            positions.setdefault(where, []).append(
                {
                    "person": people[person],
                    "job_title": job_title,
                    "is_head": is_head,
                    "appointed_on": appointed_on,
                    "ended_on": None,
                }
            )
        for where, rows in positions.items():
            unit_positions_set(unit=units[where], positions=rows, by=None)
    return units


@transaction.atomic
def staff_memberships_ensure(municipality: Municipality, units: dict[str, Unit]) -> list[str]:
    """The municipality's back-office staff: a staff group (admin access), an administrators'
    group (the organisation and its staff), demo users in units. Returns their user names."""
    slug = municipality.slug
    staff, _created = Group.objects.get_or_create(name=f"{slug} staff")
    staff.permissions.add(
        Permission.objects.get(codename="access_admin"), *_permissions(["view_unit"])
    )
    administrators, _created = Group.objects.get_or_create(name=f"{slug} administrators")
    administrators.permissions.add(
        Permission.objects.get(codename="access_admin"), *_permissions(ADMINISTRATOR_PERMISSIONS)
    )
    editors = Group.objects.filter(name=f"{slug} editors").first()
    if editors is not None:
        editors.permissions.add(*_permissions(EDITOR_PERMISSIONS))
    municipality.staff_groups.add(staff, administrators)
    time_zone = municipality.time_zone
    names = [demo_user_ensure(f"admin-{slug}", administrators, time_zone=time_zone)]
    for username, code, role in STAFF.get(slug, []):
        names.append(demo_user_ensure(username, staff, time_zone=time_zone))
        user = get_user_model().objects.get(username=username)
        membership_ensure(user=user, unit=units[code], role=role, by=None)
    return names


def demo_units(site) -> None:
    """The demo step (registered in OrganisationConfig.ready): the municipality's units."""
    site.made["units"] = units_ensure(site.made["municipality"])


def demo_staff(site) -> None:
    """The demo step after the editors' groups exist: staff in units."""
    site.staff += staff_memberships_ensure(site.made["municipality"], site.made["units"])
