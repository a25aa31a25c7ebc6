"""Which databases a study has open: a shared lock on a file beside each, held while its store is open.

Restoring a backup must not replace a database under a running study, whose later
answers would go to the file moved aside. SQLite itself cannot tell: an idle connection
holds no lock. So every open store holds a shared `flock` on `study.db.in-use`, and a
restore asks for the exclusive one first: it is refused while any study has the file open.
Where `flock` does not exist, nothing is locked and a restore is not refused.
"""

from __future__ import annotations

import os
from pathlib import Path

SUFFIX = ".in-use"


def hold(database: Path) -> int | None:
    """Mark `database` as open by this process until `release`; None when that cannot be marked."""
    try:
        import fcntl

        descriptor = os.open(str(database) + SUFFIX, os.O_RDWR | os.O_CREAT, 0o644)
    except (ImportError, OSError):
        return None  # a read-only folder, or no flock: the store still opens
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        pass  # a restore holds it this instant: its own open of the store waits on SQLite
    return descriptor


def release(descriptor: int | None) -> None:
    if descriptor is not None:
        os.close(descriptor)  # closing drops the lock


def in_use_elsewhere(database: Path) -> bool:
    """Whether another open store (in this or another process) holds `database`."""
    try:
        import fcntl

        descriptor = os.open(str(database) + SUFFIX, os.O_RDWR | os.O_CREAT, 0o644)
    except (ImportError, OSError):
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(descriptor)
    return False
