from .inlines import DirectorateDocument, DirectorateRole, DirectorateUnit, ServiceStandard
from .pages import ApplicationPlace, DirectoratePage, DirectoryIndexPage
from .people import Person

__all__ = [
    "ApplicationPlace",
    "DirectorateDocument",
    "DirectoratePage",
    "DirectorateRole",
    "DirectorateUnit",
    "DirectoryIndexPage",
    "Person",
    "ServiceStandard",
]
