"""The desk's sync while the first `reviewer-app demo` fills the demo database behind it."""

from __future__ import annotations

import threading

from reviewer_app.sync.service import PullResult, PushResult, Sync


class SyncAfterSeed(Sync):
    """The desk's sync on a demo database being filled: a sync waits (on its worker) until the seed's
    first families are committed, then pulls the queue they make; later syncs bring the others."""

    def __init__(self, *args: object, seeded: threading.Event, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._seeded = seeded

    def sync(
        self, batch: int = 30, *, check_documents: bool = True, extras: bool = True
    ) -> tuple[PushResult, PullResult]:
        self._seeded.wait()
        return super().sync(batch, check_documents=check_documents, extras=extras)
