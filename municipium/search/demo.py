"""The search's part of the demo: the demo makes pages without publishing revisions, so no
page was indexed as it was made; index them all once the sites are built."""

from .services import search_index_rebuild


def demo_search_index(run) -> None:
    search_index_rebuild()
