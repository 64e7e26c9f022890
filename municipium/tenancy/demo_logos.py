"""Emblems drawn for the demo municipalities: a shield in the municipality's brand colour,
with a band of its accent colour and a motif of the place (the gulf's waves, a northern
star, the city's towers, the Alborz, a lyre for a culture centre). Invented marks, not the
real coats of arms; SVG, so the header shows them sharp at any size."""

from django.core.files.base import ContentFile
from wagtail.images import get_image_model

SIZE = 160
SHIELD = "M20 14 H140 V78 C140 116 112 138 80 150 C48 138 20 116 20 78 Z"

MOTIFS = {
    # Three waves under a rising sun.
    "waves": '<circle cx="80" cy="62" r="20" fill="{accent}"/>'
    '<path d="M34 92 q11 -10 23 0 t23 0 t23 0 t23 0" stroke="#fff" stroke-width="6" '
    'fill="none" stroke-linecap="round"/>'
    '<path d="M40 110 q10 -9 20 0 t20 0 t20 0 t20 0" stroke="#fff" stroke-width="6" '
    'fill="none" stroke-linecap="round"/>',
    # An eight-pointed star over two hills.
    "star": '<path d="M80 34 L87 56 L108 48 L96 66 L114 78 L92 80 L96 102 L80 88 L64 102 '
    'L68 80 L46 78 L64 66 L52 48 L73 56 Z" fill="#fff"/>'
    '<path d="M26 124 Q56 98 80 118 Q104 98 134 124" fill="{accent}"/>',
    # Three towers of a city, the middle one taller, with windows.
    "towers": '<rect x="40" y="68" width="22" height="54" fill="#fff"/>'
    '<rect x="69" y="42" width="22" height="80" fill="#fff"/>'
    '<rect x="98" y="68" width="22" height="54" fill="#fff"/>'
    '<rect x="76" y="54" width="8" height="10" fill="{accent}"/>'
    '<rect x="76" y="74" width="8" height="10" fill="{accent}"/>'
    '<rect x="47" y="80" width="8" height="10" fill="{accent}"/>'
    '<rect x="105" y="80" width="8" height="10" fill="{accent}"/>'
    '<rect x="34" y="120" width="92" height="6" fill="{accent}"/>',
    # Mountains with snow and a cypress at their foot.
    "mountains": '<path d="M28 118 L64 52 L86 90 L102 66 L132 118 Z" fill="#fff"/>'
    '<path d="M64 52 L74 70 L54 70 Z M102 66 L109 78 L95 78 Z" fill="{accent}"/>'
    '<path d="M80 126 C70 110 72 92 80 80 C88 92 90 110 80 126 Z" fill="{accent}"/>',
    # A lyre: music and the arts.
    "lyre": '<path d="M56 44 C40 70 48 104 68 116 H92 C112 104 120 70 104 44" '
    'stroke="#fff" stroke-width="8" fill="none" stroke-linecap="round"/>'
    '<rect x="58" y="114" width="44" height="10" rx="3" fill="#fff"/>'
    '<path d="M70 58 V114 M80 54 V114 M90 58 V114" stroke="{accent}" stroke-width="3"/>'
    '<rect x="58" y="56" width="44" height="6" rx="2" fill="#fff"/>',
}


def emblem_svg(*, primary: str, accent: str, motif: str) -> str:
    """The emblem as an SVG document."""
    drawing = MOTIFS[motif].format(accent=accent)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" '
        f'viewBox="0 0 {SIZE} {SIZE}">'
        f'<path d="{SHIELD}" fill="{primary}" stroke="{accent}" stroke-width="6"/>'
        f'<rect x="20" y="14" width="120" height="14" fill="{accent}"/>'
        f"{drawing}</svg>"
    )


def demo_logo_ensure(*, slug: str, title: str, primary: str, accent: str, motif: str):
    """The emblem of ``slug`` in the image library. The file is written once under a fixed
    name and the image found again by its title, so a second run adds nothing."""
    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    storage = model._meta.get_field("file").storage
    name = f"original_images/emblem-{slug}.svg"
    if not storage.exists(name):
        svg = emblem_svg(primary=primary, accent=accent, motif=motif)
        name = storage.save(name, ContentFile(svg.encode()))
    return model.objects.create(title=title, file=name, width=SIZE, height=SIZE)
