"""The rights matrix's world, built once per module through the project's services.

Two municipalities: ``bornova`` (home of the users who ask) and ``zqxother`` (the one they must
not reach). Everything of the other municipality carries :data:`OTHER` in its title, name or
slug (and in its files' contents), everything of the home municipality's second directorate
(unit B, directorate page B) carries :data:`SIBLING`, so that "nothing of it appears in the
answer" is a plain substring test.

The users who ask:

- ``editor``: an editor of Bornova with every right the project gives a municipality's staff
  (Bornova's pages, its collection's documents and images, its organisation, its settings,
  holidays and alerts): a view that answers them with another municipality's data leaks.
- ``director``: a director of unit A and an editor of directorate page A (Bornova's moderated
  directorate), asking for unit B's rows and directorate page B where a view is unit-scoped.
- ``anonymous``: nobody signed in.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    PageLogEntry,
    PageViewRestriction,
    UploadedFile,
)

from municipium.archive.models import Consent
from municipium.cases.services import case_attach
from municipium.core.pages import page_ensure
from municipium.culture.models import EventType
from municipium.culture.tests.factories import partner as culture_partner
from municipium.culture.tests.factories import venue as culture_venue
from municipium.desk.models import ResponseTemplate
from municipium.desk.services import request_submit, response_template_save
from municipium.desk.tests.factories import category as request_category
from municipium.directory.models import DirectoratePage, DirectoryIndexPage
from municipium.events.models import Event
from municipium.events.schools import class_booking_submit
from municipium.events.services import event_save
from municipium.events.tests.factories import event as event_create
from municipium.halls.tests.factories import at as hall_at
from municipium.halls.tests.factories import booking as hall_booking
from municipium.halls.tests.factories import hall as hall_create
from municipium.news.models import NewsArticlePage, NewsIndexPage
from municipium.news.services import news_article_relations_set
from municipium.open311.services import api_client_create
from municipium.organisation.models import Membership, Unit
from municipium.organisation.services import membership_ensure, person_ensure
from municipium.organisation.tests.factories import job_title, positions, unit
from municipium.portal.models import Alert
from municipium.portal.services import alert_save, editorial_team_ensure
from municipium.tenancy.models import PublicHoliday
from municipium.tenancy.services import municipality_staff_groups_add, public_holiday_save
from municipium.tenancy.tests.factories import MunicipalityFactory

OTHER = "zqxother"
SIBLING = "zqxsibling"
HOME_HOST = "bornova.localhost"
ROLES = ("editor", "director", "anonymous")

# What a municipality's staff may hold: the demo's editors' rights and its administrators'.
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
MODEL_PERMISSIONS = {
    "organisation": ("unit", "person", "jobtitle", "membership"),
    "tenancy": ("publicholiday",),
    "portal": ("alert",),
    "desk": ("category", "responsetemplate"),
    "halls": ("hall",),
    "events": ("event", "occurrence"),
    "culture": ("venue", "partner"),
}
MUNICIPALITY_PERMISSIONS = ("view_municipality", "change_municipality")


@dataclass
class Victim:
    """The objects a role asks for: another municipality's, or for the director those of
    the sibling unit where there is one (the rest stay the other municipality's)."""

    objects: dict = field(default_factory=dict)
    markers: tuple[str, ...] = (OTHER,)


@dataclass
class World:
    home: object = None
    other: object = None
    users: dict = field(default_factory=dict)
    victims: dict = field(default_factory=dict)  # role -> Victim
    home_requests: dict = field(default_factory=dict)  # the home municipality's own (open311)


def _group(name, municipality, codenames=(), models=None):
    group, _created = Group.objects.get_or_create(name=name)
    permissions = [Permission.objects.get(codename="access_admin")]
    permissions += list(Permission.objects.filter(codename__in=codenames))
    for app_label, model_names in (models or {}).items():
        permissions += list(
            Permission.objects.filter(
                content_type__app_label=app_label, content_type__model__in=model_names
            )
        )
    group.permissions.add(*permissions)
    municipality_staff_groups_add(municipality=municipality, groups=[group], by=None)
    return group


def _user(username, *groups, **names):
    user = get_user_model().objects.create_user(
        username, email=f"{username}@example.org", password="x", **names
    )
    user.groups.add(*groups)
    return user


def _editors(municipality, slug, collection):
    """The municipality's editors' group: its pages, collection, organisation and settings."""
    group = _group(
        f"{slug} editors", municipality, MUNICIPALITY_PERMISSIONS, models=MODEL_PERMISSIONS
    )
    for home in municipality.homes.values():
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.create(
                group=group, page=home, permission=Permission.objects.get(codename=codename)
            )
    for model in ("image", "document"):
        for action in ("add", "change", "choose", "delete"):
            GroupCollectionPermission.objects.create(
                group=group,
                collection=collection,
                permission=Permission.objects.get(codename=f"{action}_{model}"),
            )
    return group


def _files(collection, marker):
    document = get_document_model().objects.create(
        title=f"{marker} report",
        collection=collection,
        file=ContentFile(f"{marker} secret report".encode(), name=f"{marker}-report.txt"),
    )
    image = get_image_model().objects.create(
        title=f"{marker} photo",
        collection=collection,
        file=get_test_image_file(f"{marker}-photo.png"),
    )
    return document, image


def _sections(municipality, marker):
    """A directory with a directorate and a news index with an article, in Turkish."""
    home = municipality.homes["tr"]
    directory = page_ensure(
        parent=home, page_class=DirectoryIndexPage, slug="mudurlukler", language="tr",
        title=f"{marker} Müdürlükler",
    )  # fmt: skip
    news = page_ensure(
        parent=home, page_class=NewsIndexPage, slug="haberler", language="tr",
        title=f"{marker} Haberler",
    )  # fmt: skip
    return directory, news


def _directorate(directory, slug, title, top):
    page = page_ensure(
        parent=directory, page_class=DirectoratePage, slug=slug, language="tr", title=title
    )
    DirectoratePage.objects.filter(pk=page.pk).update(unit=top)
    page.unit = top
    return page


def _programme(municipality, owner_unit, marker, shared_marker=None):
    """A venue and a partner (the whole municipality's: ``shared_marker``) and an event of
    ``owner_unit`` with its date, each marked."""
    shared = shared_marker or marker
    venue = culture_venue(municipality, f"{shared} culture centre")
    partner = culture_partner(municipality, f"{shared} university")
    starts = datetime.datetime(2027, 5, 4, 15, tzinfo=datetime.UTC)
    event = event_save(
        event=Event(
            municipality=municipality, event_type=EventType.objects.get(code="talk"),
            unit=owner_unit, venue=venue, time_zone=municipality.time_zone,
            starts_at=starts, ends_at=starts + datetime.timedelta(hours=2),
            recurrence="FREQ=WEEKLY;COUNT=2",
        ),
        by=None,
        texts={language: {"title": f"{marker} talk"} for language in municipality.languages},
        partners=[partner],
    )  # fmt: skip
    return {
        "event": event, "occurrence": event.occurrences.first(), "venue": venue,
        "partner": partner, "event_type": event.event_type,
    }  # fmt: skip


def _requests(municipality, owner_unit, marker, shared_marker=None):
    """A request category of ``owner_unit``, a citizen request in it with a resident's
    contact and a file, and a response template: each marked. A municipality's categories
    and templates are its whole staff's (residents see the categories): within it they carry
    ``shared_marker``, not the sibling unit's."""
    shared = shared_marker or marker
    category = request_category(
        municipality, f"{shared}-potholes", owner_unit,
        names=dict.fromkeys(municipality.languages, f"{shared} potholes"),
    )  # fmt: skip
    request = request_submit(
        municipality=municipality, category=category, language="tr",
        description=f"{marker} pothole in front of the school", name=f"{marker} Resident",
        email=f"{marker}@example.org", phone="0555 000 00 00",
    )  # fmt: skip
    attachment = case_attach(
        case=request.case,
        name=f"{marker}-pothole.txt",
        content=f"{marker} photo".encode(),
        content_type="text/plain",
        by=None,
    )
    template = response_template_save(
        instance=ResponseTemplate(
            municipality=municipality, category=category, language="tr",
            title=f"{shared} answer", body=f"{shared} repaired",
        ),
        by=None,
    )  # fmt: skip
    api_client, _key = api_client_create(municipality=municipality, name=f"{shared} app", by=None)
    return {
        "case": request.case, "citizen_request": request, "category": category,
        "attachment": attachment, "response_template": template, "api_client": api_client,
    }  # fmt: skip


def _school_booking(municipality, owner_unit, marker):
    """A science workshop of ``owner_unit`` next month and a class booked for it, marked."""
    starts = timezone.now() + datetime.timedelta(days=30)
    workshop = event_create(
        municipality, unit=owner_unit, type_code="science_workshop", starts_at=starts,
        capacity=50, titles=dict.fromkeys(municipality.languages, f"{marker} workshop"),
    )  # fmt: skip
    return class_booking_submit(
        occurrence=workshop.occurrences.get(),
        data={
            "school_name": f"{marker} school", "grade": "4-B", "pupils": 20, "escorts": 2,
            "teacher_name": f"{marker} Teacher", "teacher_email": f"{marker}@example.org",
            "teacher_phone": "0555 000 00 01",
        },
        language="tr",
    )  # fmt: skip


def _registrations(municipality, owner_unit, marker):
    """An event of ``owner_unit`` that takes registrations, and a marked person's registration
    (registrations are the organising unit's: a sibling unit's are not the director's)."""
    from django.utils import timezone

    from municipium.events.registration import registration_submit
    from municipium.events.tests.factories import event as event_create

    event = event_create(
        municipality, unit=owner_unit, type_code="workshop", registration="occurrence",
        capacity=5, starts_at=timezone.now() + datetime.timedelta(days=30),
        titles=dict.fromkeys(municipality.languages, f"{marker} workshop"),
    )  # fmt: skip
    submitted = registration_submit(
        event=event, occurrence=event.occurrences.first(), language="tr",
        data={"name": f"{marker} Registrant", "email": f"{marker}-r@example.org"},
    )  # fmt: skip
    return {"event": event, "registration": submitted.registration}


def _halls(municipality, owner_unit, marker, shared_marker=None):
    """A hall of ``owner_unit`` (the municipality's whole staff's: it carries ``shared_marker``)
    with a request for it from a marked resident, in ``owner_unit``'s work."""
    shared = shared_marker or marker
    hall = hall_create(municipality, owner_unit, f"{shared}-salon")
    day = timezone.localdate() + datetime.timedelta(days=14)
    made = hall_booking(
        hall, hall_at(day, 18), hall_at(day, 20), name=f"{marker} Resident",
        organisation=f"{marker} Derneği", email=f"{marker}@example.org",
    )  # fmt: skip
    return {"hall": hall, "hall_booking": made}


def _other_municipality():
    """Everything of ``zqxother`` that a view might show, each marked."""
    other = MunicipalityFactory(
        slug=OTHER, names={"tr": f"{OTHER} Belediyesi", "en": f"{OTHER} Municipality"}
    )
    collection = Collection.get_first_root_node().add_child(name=f"{OTHER} collection")
    private = Collection.get_first_root_node().add_child(name=f"{OTHER} private")
    editors = _editors(other, OTHER, collection)
    editor = _user(f"{OTHER}-editor", editors, first_name=OTHER, last_name="Editor")
    top = unit(
        other, f"{OTHER}-directorate", kind=Unit.Kind.DIRECTORATE,
        names={"tr": f"{OTHER} Müdürlüğü", "en": f"{OTHER} Directorate"},
    )  # fmt: skip
    person = person_ensure(municipality=other, name=f"{OTHER} Person", by=None)
    title = job_title(other, f"{OTHER}-title", tr=f"{OTHER} Uzman", en=f"{OTHER} Specialist")
    positions(top, (person, title, True))
    membership = membership_ensure(user=editor, unit=top, role=Membership.Role.CLERK, by=None)
    holiday = public_holiday_save(
        holiday=PublicHoliday(
            municipality=other, date=datetime.date(2026, 5, 19), name=f"{OTHER} holiday"
        ),
        by=None,
    )
    now = timezone.now()
    alert = alert_save(
        alert=Alert(
            municipality=other, language="tr", message=f"{OTHER} water cut",
            starts_at=now - datetime.timedelta(days=1), ends_at=now + datetime.timedelta(days=1),
        ),
        by=None,
    )  # fmt: skip
    document, image = _files(collection, OTHER)
    private_document, _private_image = _files(private, f"{OTHER}-private")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type="password", password="secret"
    )
    directory, news = _sections(other, OTHER)
    directorate = _directorate(directory, f"{OTHER}-directorate", f"{OTHER} Müdürlüğü", top)
    article = page_ensure(
        parent=news, page_class=NewsArticlePage, slug=f"{OTHER}-article", language="tr",
        title=f"{OTHER} article", lead=f"{OTHER} lead",
        date=datetime.datetime(2026, 1, 15, 9, tzinfo=datetime.UTC),
    )  # fmt: skip
    news_article_relations_set(article=article, tags=[f"{OTHER}-tag"], directorates=[directorate])
    # Locked by the other municipality's editor: the locked pages report must not name them.
    NewsArticlePage.objects.filter(pk=article.pk).update(
        locked=True, locked_by=editor, locked_at=now
    )
    page_restriction = PageViewRestriction.objects.create(
        page=article, restriction_type="password", password="secret"
    )
    team = editorial_team_ensure(name=f"{OTHER} team", sections=[directorate], municipality=other)
    revision = directorate.save_revision(user=editor)
    directorate.title = f"{OTHER} Müdürlüğü draft"
    workflow_state = team.workflow.start(directorate, editor)
    task_state = workflow_state.current_task_state
    PageLogEntry.objects.log_action(directorate, "wagtail.edit", user=editor)
    session = EditingSession.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(directorate, for_concrete_model=False),
        object_id=str(directorate.pk),
        last_seen_at=now,
    )
    upload = UploadedFile.objects.create(
        file=ContentFile(f"{OTHER} upload".encode(), name=f"{OTHER}-upload.txt"),
        uploaded_by_user=editor,
    )
    redirect = Redirect.add_redirect(f"/{OTHER}-old", redirect_to=directorate, site=other.site)
    desk = _requests(other, top, OTHER)
    booking = _school_booking(other, top, OTHER)
    consent = Consent.objects.create(
        municipality=other,
        given_by=f"{OTHER} Contributor",
        given_on=datetime.date(2025, 5, 1),
        scope="research",
    )
    halls = _halls(other, top, OTHER)
    programme = _programme(other, top, OTHER)
    other.made = {
        **desk, **halls,
        "booking": booking,
        **_registrations(other, top, OTHER),
        **programme,
        "municipality": other, "site": other.site, "page": directorate, "home": other.homes["tr"],
        "article": article, "revision": revision, "unit": top, "person": person,
        "job_title": title, "membership": membership, "holiday": holiday, "alert": alert,
        "document": document, "image": image, "collection": collection,
        "private_document": private_document, "collection_restriction": restriction,
        "page_restriction": page_restriction, "workflow": team.workflow,
        "task": task_state.task, "task_state": task_state, "workflow_state": workflow_state,
        "editing_session": session, "upload": upload, "redirect": redirect, "user": editor,
        "group": editors, "consent": consent,
    }  # fmt: skip
    return other


def _home_municipality(world):
    """Bornova: its editor; units A and B with their directorate pages; the director of A."""
    home = MunicipalityFactory(slug="bornova", names={"tr": "Bornova Belediyesi"})
    collection = Collection.get_first_root_node().add_child(name="Bornova collection")
    _files(collection, "bornova")
    editors = _editors(home, "bornova", collection)
    world.users["editor"] = _user("bornova-editor", editors)
    staff = _group("bornova staff", home, ("view_unit",))
    unit_a = unit(home, "kultur", kind=Unit.Kind.DIRECTORATE)
    unit_b = unit(
        home, f"{SIBLING}-fen", kind=Unit.Kind.DIRECTORATE,
        names={"tr": f"{SIBLING} Fen İşleri", "en": f"{SIBLING} Works"},
    )  # fmt: skip
    directory, _news = _sections(home, "Bornova")
    page_a = _directorate(directory, "kultur", "Kültür Müdürlüğü", unit_a)
    page_b = _directorate(directory, f"{SIBLING}-fen", f"{SIBLING} Fen İşleri", unit_b)
    team = editorial_team_ensure(name="Bornova kultur", sections=[page_a], municipality=home)
    director = _user("bornova-director", staff, team.editors)
    membership_ensure(user=director, unit=unit_a, role=Membership.Role.DIRECTOR, by=None)
    clerk_b = _user(f"{SIBLING}-clerk", staff, first_name=SIBLING, last_name="Clerk")
    membership_b = membership_ensure(user=clerk_b, unit=unit_b, role=Membership.Role.CLERK, by=None)
    # People belong to the municipality (its public pages show them), not to a unit.
    person_b = person_ensure(municipality=home, name="Bornova Person", by=None)
    positions(unit_b, (person_b, job_title(home, "uzman"), True))
    revision_b = page_b.save_revision(user=clerk_b)
    _requests(home, unit_a, "bornova")  # the director's own unit's: theirs to see
    _programme(home, unit_a, "bornova-a", shared_marker="bornova")
    programme_b = _programme(home, unit_b, SIBLING, shared_marker="bornova-b")
    desk_b = _requests(home, unit_b, SIBLING, shared_marker="bornova-b")
    _halls(home, unit_a, "bornova")  # the director's own unit's: theirs to see
    halls_b = _halls(home, unit_b, SIBLING, shared_marker="bornova-b")
    world.users["director"] = director
    world.home_requests = _requests(home, unit_a, "bornova-own")
    _school_booking(home, unit_a, "bornova")
    booking_b = _school_booking(home, unit_b, SIBLING)
    registrations_b = _registrations(home, unit_b, SIBLING)
    _registrations(home, unit_a, "bornova-own")
    home.made = {
        "booking": booking_b,
        **registrations_b,
        "case": desk_b["case"], "attachment": desk_b["attachment"],
        "hall_booking": halls_b["hall_booking"],
        "event": programme_b["event"], "occurrence": programme_b["occurrence"],
        "unit": unit_b, "membership": membership_b, "page": page_b, "revision": revision_b,
        "user": clerk_b,
    }  # fmt: skip
    return home


def world_build() -> World:
    world = World()
    world.other = _other_municipality()
    world.home = _home_municipality(world)
    world.users["anonymous"] = None
    other_objects = world.other.made
    world.victims = {
        "editor": Victim(objects=other_objects),
        "anonymous": Victim(objects=other_objects),
        "director": Victim(objects={**other_objects, **world.home.made}, markers=(OTHER, SIBLING)),
    }
    return world
