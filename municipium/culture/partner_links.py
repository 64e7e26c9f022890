"""What the partners' directory shows of each partner's work with the municipality: the apps
above culture (the programme, the archive) register a function in their ``AppConfig.ready()``
that returns, for partners, the public things linked to them, so that culture names none of
those apps (it is below them)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PartnerLink:
    title: str
    url: str
    kind: str  # what the link is, translated ("Exhibition", "Event")


# Each: (*, partner_ids, language, site) -> {partner_id: [PartnerLink, ...]}
PARTNER_LINK_PROVIDERS: list = []


def register_partner_links(provider) -> None:
    if provider not in PARTNER_LINK_PROVIDERS:
        PARTNER_LINK_PROVIDERS.append(provider)


def partner_links(*, partner_ids, language: str, site) -> dict[int, list[PartnerLink]]:
    links: dict[int, list[PartnerLink]] = {}
    for provider in PARTNER_LINK_PROVIDERS:
        for partner_id, found in provider(
            partner_ids=partner_ids, language=language, site=site
        ).items():
            links.setdefault(partner_id, []).extend(found)
    return links
