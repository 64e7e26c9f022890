"""Files that must outlive a crash: the private storage of case attachments.

Django's ``FileSystemStorage`` writes a file and closes it; the bytes are then in the
operating system's page cache, and a power cut (or a crash of the machine, not only of the
process) before the kernel writes them back loses them, while a database row that names them
may already be committed. ``DurableFileSystemStorage`` returns from ``save`` only once the
file's content and its directory entry (and those of any directory it made) are on disk
(``fsync``). A service that saves the file inside its transaction, before the row naming it
(``cases.services.case_attach``), therefore never commits a case whose files could still be
lost."""

import os
from pathlib import Path

from django.core.files.storage import FileSystemStorage


def fsync_path(path: Path) -> None:
    """Flush ``path`` (a file or a directory) to disk."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class DurableFileSystemStorage(FileSystemStorage):
    """``FileSystemStorage`` whose ``save`` returns once the file is on disk (see above)."""

    def _save(self, name, content):
        location = Path(self.location).resolve()
        # The directories the save is about to make: their own entries must be flushed too.
        directory = Path(self.path(name)).parent
        made = []
        while not directory.exists() and directory != location.parent:
            made.append(directory)
            directory = directory.parent
        name = super()._save(name, content)
        path = Path(self.path(name))
        fsync_path(path)
        fsync_path(path.parent)
        for created in made:
            fsync_path(created.parent)
        return name
