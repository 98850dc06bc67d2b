"""The conversations this Rasa process saved last, kept so the next message need not replay them.

Rasa reads a conversation back from the tracker store at every message: all the events of the
current session, decoded and replayed. A tracker this process has just saved is kept here with a
stamp of what the database held after the save (how many events in the current session, the
newest event's id). The next read of that conversation compares the stamp with the database
(one small aggregate query) and hands the tracker over only if nothing was written in between, by
this process or any other; otherwise it is read from the database as before.

A kept tracker is handed over, not copied: Rasa changes the tracker it is given and saves it
again, which keeps it here anew. A tracker changed after its save without being saved again no
longer has as many events as its stamp counts, and is not handed over.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from rasa.shared.core.trackers import DialogueStateTracker

CAPACITY = 1000  # conversations; the least recently saved are dropped first


@dataclass(frozen=True)
class Stamp:
    """What the database holds of a conversation's current session."""

    events: int
    last_id: int | None


@dataclass(frozen=True)
class _Kept:
    stamp: Stamp
    tracker: DialogueStateTracker


class RecentTrackers:
    """A bounded store of saved trackers, each valid while the database still matches its stamp."""

    def __init__(self, capacity: int = CAPACITY) -> None:
        self._capacity = capacity
        self._kept: OrderedDict[str, _Kept] = OrderedDict()

    def __len__(self) -> int:
        return len(self._kept)

    def keep(self, tracker: DialogueStateTracker, stamp: Stamp) -> None:
        """Keep ``tracker`` as saved, if it holds exactly the session the database holds."""
        self._kept.pop(tracker.sender_id, None)
        if len(tracker.events) != stamp.events:
            return
        self._kept[tracker.sender_id] = _Kept(stamp, tracker)
        while len(self._kept) > self._capacity:
            self._kept.popitem(last=False)

    def take(self, sender_id: str, stamp: Stamp) -> DialogueStateTracker | None:
        """The kept tracker of ``sender_id`` if the database still matches it; it is no longer kept."""
        kept = self._kept.pop(sender_id, None)
        if kept is None or kept.stamp != stamp or len(kept.tracker.events) != stamp.events:
            return None
        return kept.tracker

    def forget(self, sender_id: str) -> None:
        """Drop what is kept of ``sender_id``."""
        self._kept.pop(sender_id, None)
