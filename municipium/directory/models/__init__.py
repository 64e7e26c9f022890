from .inlines import DirectorateDocument, ServiceStandard
from .pages import ApplicationPlace, DirectoratePage, DirectoryIndexPage

__all__ = [
    "ApplicationPlace",
    "DirectorateDocument",
    "DirectoratePage",
    "DirectoryIndexPage",
    "ServiceStandard",
]
