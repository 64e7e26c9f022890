"""Kept for the migrations that name these classes here; they live in ``core.names``."""

from municipium.core.names import NameRow, TranslatedNames

__all__ = ["NameRow", "TranslatedNames"]
