"""The audit trail of staff work, written through Wagtail's own audit log.

Every back-office service ends with one ``audit_log`` call: one entry per change of state, with
the acting user, the municipality and unit it happened in, and the fields that changed, before
and after. The entry is a ``wagtail.models.ModelLogEntry``, so Wagtail's history and site
history views show it beside page edits; there is no second log. Its ``data`` is::

    {"municipality": 3, "unit": 12, "changes": {"name": ["Old", "New"]}, ...extra}

``municipality`` and ``unit`` are ids, kept at the top of ``data`` so that the audit log of a
municipality, or of the units a user may see, is one filter on the JSON field.

Actions are named ``<app>.<entity>.<verb>`` and registered with a label and a message in the
app's ``wagtail_hooks.py`` through ``register_actions``; Wagtail's history views show the
label, and the message says which fields changed.
"""

import datetime
import decimal
import uuid

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail.log_actions import LogFormatter, log

# Fields never written into the log: what the system keeps for itself.
IGNORED_FIELDS = frozenset({"cache_generation", "password", "last_login"})


def _json_value(value):
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        # In UTC: a form gives the same instant in the user's time zone, which is no change.
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | set):
        return [_json_value(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _json_value(item) for key, item in value.items()}
    return value


def snapshot(instance: models.Model, *, fields=None, extra=None) -> dict:
    """The instance's concrete fields as JSON-ready values (a foreign key as its id), limited
    to ``fields`` if given, plus ``extra`` (e.g. names per language held in child rows)."""
    values = {}
    for field in instance._meta.concrete_fields:
        name = field.name
        if field.primary_key or name in IGNORED_FIELDS:
            continue
        if fields is not None and name not in fields:
            continue
        values[name] = _json_value(getattr(instance, field.attname))
    for key, value in (extra or {}).items():
        values[key] = _json_value(value)
    return values


def changes(before: dict | None, after: dict | None) -> dict:
    """``{field: [before, after]}`` for each field whose value differs; a created object has
    no ``before`` (every field is ``[None, value]``), a deleted one no ``after``."""
    before, after = before or {}, after or {}
    return {
        name: [before.get(name), after.get(name)]
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }


def _id(value):
    return value.pk if isinstance(value, models.Model) else value


def audit_log(
    *,
    instance: models.Model,
    action: str,
    by,
    municipality=None,
    unit=None,
    before: dict | None = None,
    after: dict | None = None,
    extra: dict | None = None,
    title: str | None = None,
):
    """Write the one audit entry of a service. ``by`` is the acting user, or None for the
    system (a task, the demo); ``municipality`` and ``unit`` are instances or ids."""
    data = {"municipality": _id(municipality), "unit": _id(unit)}
    data["changes"] = changes(before, after)
    data.update(_json_value(extra or {}))
    kwargs = {"data": data}
    if title:
        kwargs["title"] = title[:255]
    if by is not None and getattr(by, "is_authenticated", False):
        kwargs["user"] = by
    return log(instance, action, **kwargs)


def field_label(model, name: str) -> str:
    """What staff read for a changed field: its verbose name, or for child rows kept in the
    snapshot (``names``, ``positions``) the plural name of their model; else the key itself."""
    try:
        field = model._meta.get_field(name)
    except (FieldDoesNotExist, AttributeError):
        return name
    label = getattr(field, "verbose_name", None)
    if label is None and field.related_model is not None:
        label = field.related_model._meta.verbose_name_plural
    return capfirst(label or name)


def _field(model, name: str):
    try:
        return model._meta.get_field(name)
    except (FieldDoesNotExist, AttributeError):
        return None


def _text(value, field, objects) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(_text(item, field, objects) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_text(item, None, objects)}" for key, item in value.items())
    if isinstance(value, bool):
        yes, no, _maybe = _("yes,no,maybe").split(",")
        return yes if value else no
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field is not None and field.many_to_one and field.related_model is not None:
        found = objects.get((field.related_model, value))
        return str(found) if found is not None else f"#{value}"
    return str(value)


def changes_text(entries) -> dict[int, list[tuple[str, str, str]]]:
    """For each entry (by pk), (field, before, after) as staff read them: fields by their
    verbose names, choices by their labels, yes and no, foreign keys by the object's name
    (one query per kind of object for all the entries, ``#id`` for one deleted since)."""
    wanted = {}
    for entry in entries:
        model = entry.content_type.model_class() if entry.content_type_id else None
        for name, values in (entry.data or {}).get("changes", {}).items():
            field = _field(model, name)
            if field is not None and field.many_to_one and field.related_model is not None:
                ids = wanted.setdefault(field.related_model, set())
                ids.update(value for value in values if isinstance(value, int))
    objects = {}
    for related, ids in wanted.items():
        for found in related._default_manager.filter(pk__in=ids):
            objects[(related, found.pk)] = found
    result = {}
    for entry in entries:
        model = entry.content_type.model_class() if entry.content_type_id else None
        rows = []
        for name, (before, after) in (entry.data or {}).get("changes", {}).items():
            field = _field(model, name)
            rows.append(
                (
                    field_label(model, name),
                    _text(before, field, objects),
                    _text(after, field, objects),
                )
            )
        result[entry.pk] = rows
    return result


class ChangesFormatter(LogFormatter):
    """A message that names the fields an entry changed: "Unit changed. Changed: Names, Part
    of." in the staff member's language."""

    def format_message(self, log_entry):
        changed = list((log_entry.data or {}).get("changes", {}))
        if not changed:
            return str(self.message)
        model = log_entry.content_type.model_class() if log_entry.content_type_id else None
        labels = [str(field_label(model, name)) for name in changed]
        return _("%(message)s Changed: %(fields)s.") % {
            "message": self.message,
            "fields": get_text_list(labels, pgettext("joins the last two items of a list", "and")),
        }


def register_actions(actions, entries) -> None:
    """Register ``(action, label, message)`` triples with Wagtail's log action registry, from
    a ``register_log_actions`` hook."""
    for action, label, message in entries:
        formatter = type(
            "AuditFormatter", (ChangesFormatter,), {"label": label, "message": message}
        )
        actions.register_action(action)(formatter)


def _before(instance: models.Model, snapshot_of) -> dict | None:
    if instance.pk is None:
        return None
    stored = type(instance)._default_manager.filter(pk=instance.pk).first()
    return snapshot_of(stored) if stored is not None else None


def audited_save(
    instance: models.Model, *, by, action_prefix: str, municipality, unit=None, snapshot_of=None
):
    """Validate and save ``instance`` (which may carry unsaved changes and, for a cluster,
    unsaved child rows), and log ``<prefix>.create`` or ``<prefix>.edit`` with what changed,
    the stored row read again for ``before``. For a named service to call inside its own
    transaction, after its own rules: it is the common tail, not a service of its own."""
    snapshot_of = snapshot_of or snapshot
    before = _before(instance, snapshot_of)
    instance.full_clean()
    instance.save()
    after = snapshot_of(instance)
    if before is not None and before == after:
        return instance
    verb = "create" if before is None else "edit"
    audit_log(
        instance=instance,
        action=f"{action_prefix}.{verb}",
        by=by,
        municipality=municipality,
        unit=unit,
        before=before,
        after=after,
    )
    return instance


def audited_delete(
    instance: models.Model, *, by, action_prefix: str, municipality, unit=None, snapshot_of=None
) -> None:
    """Log ``<prefix>.delete`` with what the row held, then delete it."""
    snapshot_of = snapshot_of or snapshot
    audit_log(
        instance=instance,
        action=f"{action_prefix}.delete",
        by=by,
        municipality=municipality,
        unit=unit,
        before=snapshot_of(instance),
        after=None,
    )
    instance.delete()


# The units an audit log may be filtered by. The organisation's app registers a provider
# ``provider(*, user, municipalities) -> [(unit id, label), ...]`` in its ``ready()``; core
# knows no app, so until one does the audit log offers no unit filter.
_unit_choice_providers = []


def register_unit_choices(provider) -> None:
    if provider not in _unit_choice_providers:
        _unit_choice_providers.append(provider)


def unit_ids_visible(*, user, municipalities) -> set[int] | None:
    """The units whose entries ``user`` may read in ``municipalities``: those of the unit
    choices (the units they may act in), or None (no narrowing) when no app registered units
    or for a superuser. An entry about a sibling unit names it: a clerk of one directorate
    reads another's only if the organisation lets them see it."""
    if user.is_superuser or not _unit_choice_providers:
        return None
    return {pk for pk, _label in unit_choices(user=user, municipalities=municipalities)}


def unit_choices(*, user, municipalities) -> list[tuple[int, str]]:
    """The units ``user`` may filter the audit log of ``municipalities`` by."""
    choices = []
    for provider in _unit_choice_providers:
        choices.extend(provider(user=user, municipalities=municipalities))
    return choices
