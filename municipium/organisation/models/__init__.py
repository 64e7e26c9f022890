"""A municipality's organisation, edited once and shown in every language: its units (a
tree of directorates, sections, the call centre, the mayor's office), the people who work in
them and their positions, and the staff (users) who belong to units with a role."""

from .people import JobTitle, JobTitleName, Person
from .staff import Membership
from .units import Position, Unit, UnitName

__all__ = [
    "JobTitle",
    "JobTitleName",
    "Membership",
    "Person",
    "Position",
    "Unit",
    "UnitName",
]
