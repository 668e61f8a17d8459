"""Fetching the claimed items' documents ahead (#20 item 2), from the portal's file store over a real
HTTP server on 127.0.0.1: into the user-only cache, never past its cap, and readable once the server
has stopped. Fetching ahead records nothing about the document (opening it is the viewer's, R7)."""

from __future__ import annotations

import os
import stat

from reviewer_app.documents.prefetch import prefetch
from reviewer_app.documents.verdicts import Rejected
from tests.documents import corpus
from tests.documents.conftest import StoreFactory
from tests.documents.servers import FileStore
from tests.documents.test_store_http import _serve


def test_fetched_ahead_then_read_with_the_document_server_gone(
    file_store: FileStore, make_store: StoreFactory
) -> None:
    photo, scan, big = corpus.photo(), corpus.screenshot(), corpus.photo() * 3
    docs = [_serve(file_store, "/a.jpg", photo), _serve(file_store, "/b.png", scan)]
    too_big = _serve(file_store, "/c.jpg", big)  # would not fit beside the others
    store = make_store(max_cache_bytes=len(photo) + len(scan) + len(big) // 2)

    assert [prefetch(store, d) for d in docs] == [True, True]
    assert prefetch(store, too_big) is False  # the cap holds: nothing already there is pushed out
    assert prefetch(store, docs[0]) is False  # there already: not fetched again
    assert [file_store.routes[p].hits for p in ("/a.jpg", "/b.png", "/c.jpg")] == [1, 1, 0]
    assert stat.S_IMODE(os.stat(store.cache.folder).st_mode) == 0o700
    assert {stat.S_IMODE(os.stat(f).st_mode) for f in store.cache.files()} == {0o600}

    file_store.close()  # the portal's file store is out of reach now
    store.close()  # and with it the connections kept open to it
    assert store.fetch(docs[0]) == photo and store.fetch(docs[1]) == scan
    assert isinstance(store.fetch(too_big), Rejected)
