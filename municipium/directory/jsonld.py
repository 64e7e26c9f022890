"""schema.org descriptions of directorates (GovernmentOrganization) and people (Person), as
JSON-LD for search engines, written into the page by ``core``'s ``json_ld_tag``."""

from .selectors import PHOTO_FILTER


def _compact(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def person_data(role, *, absolute, organisation: dict | None = None) -> dict:
    """A Person in their role; ``absolute`` turns a path into a full address."""
    person = role.person
    image = absolute(person.photo.get_rendition(PHOTO_FILTER).url) if person.photo else None
    return _compact(
        {
            "@type": "Person",
            "name": person.name,
            "jobTitle": role.title,
            "email": person.email,
            "telephone": person.phone,
            "image": image,
            "worksFor": organisation,
        }
    )


def directorate_data(*, page, detail, url: str, absolute, parent_name: str, parent_url: str):
    """The directorate as a GovernmentOrganization of the municipality, with its people."""
    organisation = {"@type": "GovernmentOrganization", "name": page.title, "url": url}
    # The director first: schema.org has no "head", and readers take the first employee.
    roles = sorted(detail.roles, key=lambda role: role is not detail.director)
    employees = [person_data(role, absolute=absolute) for role in roles]
    return _compact(
        {
            "@context": "https://schema.org",
            **organisation,
            "description": page.summary,
            "telephone": page.phone,
            "email": page.email,
            "foundingDate": page.founded_on.isoformat() if page.founded_on else None,
            "parentOrganization": _compact(
                {"@type": "GovernmentOrganization", "name": parent_name, "url": parent_url}
            ),
            "employee": employees,
        }
    )


def directory_data(*, roles, absolute, page_url) -> dict:
    """The people listed in a directory, each working for their directorate."""
    people = [
        person_data(
            role,
            absolute=absolute,
            organisation={
                "@type": "GovernmentOrganization",
                "name": role.directorate.title,
                "url": absolute(page_url(role.directorate)),
            },
        )
        for role in roles
    ]
    return {"@context": "https://schema.org", "@graph": people}
