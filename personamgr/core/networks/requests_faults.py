"""Reading a failure below HTTP from requests and urllib3 (X and Mastodon both send through requests).

requests wraps urllib3's reason (a refused connection, a name that did not resolve) a few
layers deep, in causes, contexts and arguments; each network then says in its own words what
that means for the post.
"""

from __future__ import annotations

from typing import Any

import urllib3.exceptions


def exception_chain(exc: BaseException) -> list[Any]:
    """The exception, its arguments and its causes, for finding urllib3's reason."""
    seen: list[Any] = []
    todo: list[Any] = [exc]
    while todo:
        e = todo.pop()
        if e is None or any(e is s for s in seen):
            continue
        seen.append(e)
        if isinstance(e, BaseException):
            todo.extend([e.__cause__, e.__context__, getattr(e, "reason", None), *e.args])
    return seen


def unreachable(chain: list[Any]) -> bool:
    """No connection was made at all (refused, or the name did not resolve): nothing was sent."""
    return any(isinstance(e, urllib3.exceptions.NewConnectionError | urllib3.exceptions.NameResolutionError
                          | ConnectionRefusedError) for e in chain)
