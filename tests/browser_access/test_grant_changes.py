"""The grant-change fan-out: a change for a user reaches that user's watchers only; a policy
reload (or a lost or restored listener, which the authenticator reports as one) reaches all."""

from __future__ import annotations

from socialaid.access.changes import EVERYTHING
from socialaid.access.grant_changes import GrantChanges


async def test_a_users_change_reaches_only_that_users_watchers() -> None:
    changes = GrantChanges()
    with changes.watch("li") as li, changes.watch("li") as li_again, changes.watch("wang") as wang:
        changes.changed("li")
        assert li.is_set() and li_again.is_set()
        assert not wang.is_set()


async def test_a_policy_reload_reaches_every_watcher() -> None:
    changes = GrantChanges()
    with changes.watch("li") as li, changes.watch("wang") as wang:
        changes.changed(EVERYTHING)
        assert li.is_set() and wang.is_set()


async def test_a_watch_that_ended_hears_nothing_and_leaves_nothing_behind() -> None:
    changes = GrantChanges()
    with changes.watch("li") as li:
        pass
    changes.changed("li")
    changes.changed(EVERYTHING)
    assert not li.is_set()
    assert changes._watchers == {}
