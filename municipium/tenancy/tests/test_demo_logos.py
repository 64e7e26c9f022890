"""The demo municipalities' emblems: an SVG shield in each municipality's own colours."""

from xml.etree import ElementTree

import pytest

from municipium.tenancy.demo import MUNICIPALITIES
from municipium.tenancy.demo_logos import MOTIFS, demo_logo_ensure, emblem_svg


@pytest.mark.parametrize("definition", MUNICIPALITIES, ids=lambda d: d.slug)
def test_each_demo_municipality_has_an_emblem_in_its_colours(definition):
    assert definition.emblem in MOTIFS
    svg = emblem_svg(primary=definition.primary_colour, accent=definition.accent_colour,
                     motif=definition.emblem)  # fmt: skip
    root = ElementTree.fromstring(svg)  # well-formed
    assert root.get("viewBox") == "0 0 160 160"
    assert definition.primary_colour in svg and definition.accent_colour in svg


def test_the_demo_emblems_differ_from_each_other():
    assert len({definition.emblem for definition in MUNICIPALITIES}) == len(MUNICIPALITIES)


@pytest.mark.django_db
def test_an_emblem_is_stored_once_and_its_rendition_is_an_svg(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    first = demo_logo_ensure(slug="bornova", title="Demo emblem: Bornova",
                             primary="#0b4f8a", accent="#b3261e", motif="waves")  # fmt: skip
    again = demo_logo_ensure(slug="bornova", title="Demo emblem: Bornova",
                             primary="#0b4f8a", accent="#b3261e", motif="waves")  # fmt: skip
    assert again.pk == first.pk
    rendition = first.get_rendition("height-160")
    assert rendition.url.endswith(".svg") and rendition.height == 160
