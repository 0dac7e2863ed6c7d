"""Schema migrations: ``MIGRATIONS[v]`` brings a database at schema ``v`` to ``v + 1``.

Each step runs inside the single transaction that :meth:`Store.open` starts,
after the file has been backed up, so a failed step leaves the database as it
was. Steps must keep every row: add columns with defaults, copy tables, never
drop user data.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection

Migration = Callable[[Connection], None]

# Schema 1 is the first released schema; later steps go here, keyed by the version they upgrade from.
MIGRATIONS: dict[int, Migration] = {}
