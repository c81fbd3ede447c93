"""Telling whoever holds a principal for long (a subscription) that its grants may have changed.

A request authenticates once and ends within seconds; a subscription lives for hours on the
principal it started with. `Authenticator` tells this fan-out every grant change its listener
hears (a user id, or EVERYTHING for a policy reload), and also when the listener is lost or
listens again (changes may have gone unheard), so each watcher re-reads its grants at once
rather than at its next push.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from socialaid.access.changes import EVERYTHING


class GrantChanges:
    def __init__(self) -> None:
        self._watchers: defaultdict[str, set[asyncio.Event]] = defaultdict(set)

    def changed(self, key: str) -> None:
        """A user's grants changed (`key` their id), or anyone's (EVERYTHING)."""
        if key == EVERYTHING:
            events = [event for watchers in self._watchers.values() for event in watchers]
        else:
            events = list(self._watchers.get(key, ()))
        for event in events:
            event.set()

    @contextmanager
    def watch(self, user_id: str) -> Iterator[asyncio.Event]:
        """An event set whenever the user's grants may have changed (clear it once re-read)."""
        event = asyncio.Event()
        self._watchers[user_id].add(event)
        try:
            yield event
        finally:
            watchers = self._watchers.get(user_id)
            if watchers is not None:
                watchers.discard(event)
                if not watchers:
                    del self._watchers[user_id]
