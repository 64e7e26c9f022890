"""The organisation chart as a tree, built from the units and roles already read: the
directorate at the root, its units below it, each with its head and its other people."""

from collections import defaultdict
from dataclasses import dataclass, field

# The chart sits under an h2; the directorate is an h3 and each level below one more, to h6.
ROOT_HEADING_LEVEL = 3
LAST_HEADING_LEVEL = 6


@dataclass
class OrgNode:
    name: str
    level: int
    unit_id: int | None = None
    heads: list = field(default_factory=list)
    members: list = field(default_factory=list)
    children: list["OrgNode"] = field(default_factory=list)

    @property
    def heading_level(self) -> int:
        return min(ROOT_HEADING_LEVEL + self.level, LAST_HEADING_LEVEL)

    @property
    def people(self) -> list:
        return [*self.heads, *self.members]

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def org_chart_build(*, title: str, units, roles) -> OrgNode:
    """The tree of ``units`` (each with ``pk``, ``name``, ``parent_id``) under a root named
    ``title``, with ``roles`` (each with ``unit_id``, ``is_head``) placed in their units.
    A unit whose parent is missing, or that sits in a loop, hangs from the root."""
    units = list(units)
    by_id = {unit.pk: unit for unit in units if unit.pk is not None}
    placed_roles = defaultdict(list)
    for role in roles:
        placed_roles[role.unit_id if role.unit_id in by_id else None].append(role)

    def node(name, unit_id, level):
        # The directorate's own people are those of no unit; a unit not saved yet has none.
        here = placed_roles.get(unit_id, []) if unit_id is not None or level == 0 else []
        return OrgNode(
            name=name,
            level=level,
            unit_id=unit_id,
            heads=[role for role in here if role.is_head],
            members=[role for role in here if not role.is_head],
        )

    children = defaultdict(list)
    for unit in units:
        parent = unit.parent_id if unit.parent_id in by_id else None
        children[parent].append(unit)

    root = node(title, None, 0)
    reached = set()

    def grow(parent_node, parent_id):
        for unit in children.get(parent_id, []):
            if id(unit) in reached:
                continue
            reached.add(id(unit))
            child = node(unit.name, unit.pk, parent_node.level + 1)
            parent_node.children.append(child)
            if unit.pk is not None:  # a unit not saved yet (a preview) has no sub-units
                grow(child, unit.pk)

    grow(root, None)
    for unit in units:  # the units of a loop, which no path from the root reaches
        if id(unit) not in reached:
            reached.add(id(unit))
            orphan = node(unit.name, unit.pk, 1)
            root.children.append(orphan)
            grow(orphan, unit.pk)
    return root
