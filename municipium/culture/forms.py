"""What the admin forms of the apps above culture (events, halls) share: the venue and the
unit a row chooses are its municipality's, whatever id is posted."""

from django.utils.translation import gettext_lazy as _

FOREIGN_CHOICE_REFUSED = {
    "unit": _(
        "This unit belongs to another municipality: choose one of this municipality's units."
    ),
    "venue": _(
        "This venue belongs to another municipality: choose one of this municipality's venues."
    ),
}


def venue_and_unit_foreign_refuse(form, cleaned, *, municipality) -> None:
    """Put an error on the ``venue`` or ``unit`` of ``form`` chosen of another municipality."""
    if municipality is None:
        return
    for name, message in FOREIGN_CHOICE_REFUSED.items():
        chosen = cleaned.get(name)
        if chosen is not None and chosen.municipality_id != municipality.pk:
            form.add_error(name, message)
