"""Documents from the portal's file store, over a real HTTP server on 127.0.0.1 that misbehaves."""

from __future__ import annotations

import hashlib
import logging
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from reviewer_app import config
from reviewer_app.access.credentials import PORTAL_SERVICE
from reviewer_app.core.items import DocumentRef
from reviewer_app.core.policy import Policy
from reviewer_app.documents import ImageDocument, Rejected
from reviewer_app.documents.pipeline import open_document
from reviewer_app.documents.store import DocumentStore
from tests.documents import corpus
from tests.documents.conftest import FAST_HTTP, MemoryKeyring, StoreFactory
from tests.documents.servers import FileStore, HttpsFileStore, ResettingServer, Route, self_signed_certificate
from tests.keyrings import SlowKeyring, installed

_ids = iter(range(1000, 100_000))


def _doc(url: str, data: bytes, **overrides: Any) -> DocumentRef:
    """A document record as pull.py makes it, for a file in the portal's store."""
    doc = {
        "id": next(_ids),
        "kind": "post_attachment",
        "filename": "IMG_0001.jpg",
        "mime_type": "image/jpeg",
        "size_bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "storage": "url",
        "url": url,
    }
    doc.update(overrides)
    return DocumentRef.from_json(doc)


def _serve(file_store: FileStore, path: str, data: bytes, **route: Any) -> DocumentRef:
    file_store.routes[path] = Route(body=data, **route)
    return _doc(file_store.url(path), data)


def _refused(result: bytes | Rejected, code: str) -> Rejected:
    assert isinstance(result, Rejected), "expected a refusal"
    assert result.code == code, result.reason
    assert result.reason and not result.reason.isascii()
    return result


def test_fetch_checks_the_hash_and_keeps_a_private_copy(
    file_store: FileStore, make_store: StoreFactory
) -> None:
    photo = corpus.photo()
    doc = _serve(file_store, "/files/a", photo)
    store = make_store()
    assert store.fetch(doc) == photo
    assert store.fetch(doc) == photo
    assert file_store.routes["/files/a"].hits == 1  # the second time from the cache
    (cached,) = store.cache.files()
    assert cached.read_bytes() == photo
    assert cached.stat().st_mode & 0o777 == 0o600


def test_slow_answer_times_out_with_a_clear_message(file_store: FileStore, make_store: StoreFactory) -> None:
    doc = _serve(file_store, "/slow", corpus.photo(), delay=30)
    start = time.monotonic()
    refused = _refused(make_store().fetch(doc), "timeout")
    elapsed = time.monotonic() - start
    assert "逾時" in refused.reason
    assert file_store.routes["/slow"].hits == 1 + FAST_HTTP.retries  # retried, then gave up
    assert elapsed < (1 + FAST_HTTP.retries) * FAST_HTTP.read_timeout + 2


def test_answer_a_little_slow_is_still_fetched(file_store: FileStore, make_store: StoreFactory) -> None:
    doc = _serve(file_store, "/sluggish", corpus.photo(), delay=FAST_HTTP.read_timeout / 5)
    assert make_store().fetch(doc) == corpus.photo()


def test_server_trickling_bytes_is_cut_off_at_the_download_deadline(
    file_store: FileStore, make_store: StoreFactory
) -> None:
    data = corpus.photo()  # sent 16 bytes every 50 ms: minutes, though no single read waits long
    doc = _serve(file_store, "/trickle", data, trickle=0.05)
    store = make_store(http=replace(FAST_HTTP, total_seconds=1.0))
    start = time.monotonic()
    _refused(store.fetch(doc), "timeout")
    assert time.monotonic() - start < 3
    assert file_store.routes["/trickle"].bytes_sent < len(data)


def test_reset_connections_are_retried(make_store: StoreFactory) -> None:
    data = corpus.photo()
    server = ResettingServer(data, resets=2)
    try:
        assert make_store().fetch(_doc(server.url(), data)) == data
        assert server.connections == 3
    finally:
        server.close()


def test_connection_reset_in_the_middle_of_the_body_is_retried(make_store: StoreFactory) -> None:
    data = corpus.photo()
    server = ResettingServer(data, resets=1, reset_after_headers=True)
    try:
        assert make_store().fetch(_doc(server.url(), data)) == data
        assert server.connections == 2
    finally:
        server.close()


def test_server_that_always_resets_gives_a_network_message(make_store: StoreFactory) -> None:
    server = ResettingServer(corpus.photo(), resets=100)
    try:
        refused = _refused(make_store().fetch(_doc(server.url(), corpus.photo())), "network")
        assert "中斷" in refused.reason
        assert server.connections == 1 + FAST_HTTP.retries
    finally:
        server.close()


def test_missing_file_is_a_message_on_that_document(file_store: FileStore, make_store: StoreFactory) -> None:
    doc = _doc(file_store.url("/gone"), corpus.photo())
    refused = _refused(make_store().fetch(doc), "missing")
    assert "找不到" in refused.reason and "404" in refused.reason
    assert file_store.clients and len(file_store.clients) == 1  # a 404 is not retried


def test_server_error_then_success_is_fetched(file_store: FileStore, make_store: StoreFactory) -> None:
    doc = _serve(file_store, "/flaky", corpus.photo(), fail_first=[500])
    assert make_store().fetch(doc) == corpus.photo()
    assert file_store.routes["/flaky"].hits == 2


def test_server_error_every_time_gives_up_after_the_retries(
    file_store: FileStore, make_store: StoreFactory
) -> None:
    doc = _serve(file_store, "/down", corpus.photo(), fail_first=[503] * 10)
    refused = _refused(make_store().fetch(doc), "http_error")
    assert "503" in refused.reason
    assert file_store.routes["/down"].hits == 1 + FAST_HTTP.retries


def test_wrong_hash_is_refused_before_decoding_and_not_cached(
    file_store: FileStore, make_store: StoreFactory
) -> None:
    real, altered = corpus.photo(), corpus.photo(orientation=3)
    file_store.routes["/swapped"] = Route(body=altered)
    doc = _doc(file_store.url("/swapped"), real, size_bytes=len(altered))
    store = make_store()
    refused = _refused(store.fetch(doc), "hash_mismatch")
    assert "SHA-256" in refused.reason
    assert store.cache.files() == []


def test_body_longer_than_recorded_is_not_read(file_store: FileStore, make_store: StoreFactory) -> None:
    recorded = corpus.photo()
    huge = recorded + bytes(64 * 1024 * 1024)
    file_store.routes["/long"] = Route(body=huge)
    refused = _refused(make_store().fetch(_doc(file_store.url("/long"), recorded)), "size_mismatch")
    assert "更大" in refused.reason


def test_body_longer_than_recorded_without_a_length_is_cut_at_the_cap(
    file_store: FileStore, make_store: StoreFactory
) -> None:
    recorded = corpus.photo()
    huge = recorded + bytes(64 * 1024 * 1024)
    file_store.routes["/endless"] = Route(body=huge, content_length=-1)
    start = time.monotonic()
    _refused(make_store().fetch(_doc(file_store.url("/endless"), recorded)), "size_mismatch")
    assert time.monotonic() - start < 3
    file_store.close()  # let the sender notice the hang-up
    assert file_store.routes["/endless"].bytes_sent < len(huge)


def test_body_shorter_than_recorded_is_refused(file_store: FileStore, make_store: StoreFactory) -> None:
    data = corpus.photo()
    file_store.routes["/short"] = Route(body=data[:-100], content_length=-1)
    refused = _refused(make_store().fetch(_doc(file_store.url("/short"), data)), "size_mismatch")
    assert f"{len(data) - 100:,}" in refused.reason


def test_staff_credentials_come_from_the_keyring(
    file_store: FileStore, memory_keyring: MemoryKeyring
) -> None:
    data = corpus.photo()
    doc = _serve(file_store, "/private", data, require_auth=("ttd_reviewer", "s3cret-密碼"))
    memory_keyring.set_password(PORTAL_SERVICE, "ttd_reviewer", "s3cret-密碼")
    store = DocumentStore.for_staff(None, "ttd_reviewer", http=FAST_HTTP)
    try:
        assert store.fetch(doc) == data
        (cached,) = store.cache.files()
        assert config.cache_dir() in cached.parents  # only under the app's own cache folder
    finally:
        store.clear()
        store.close()


def test_opening_the_store_leaves_the_keyring_alone_until_a_portal_download(file_store: FileStore) -> None:
    """The desk makes its document store on the GUI thread as it opens: a keyring waiting for its
    owner to unlock it must not hold the window up. The portal password is read by the first download
    that needs it, on the document worker; the embedded default never asks for it at all."""
    data = corpus.photo()
    doc = _serve(file_store, "/private", data, require_auth=("ttd_reviewer", "s3cret-密碼"))
    with installed(SlowKeyring()) as backend:
        assert isinstance(backend, SlowKeyring)
        backend.set_password(PORTAL_SERVICE, "ttd_reviewer", "s3cret-密碼")
        store = DocumentStore.for_staff(None, "ttd_reviewer", http=FAST_HTTP)
        try:
            assert not backend.asked.is_set()
            with ThreadPoolExecutor(1) as worker:
                download = worker.submit(store.fetch, doc)
                assert backend.asked.wait(10)  # the worker waits for the keyring, nobody else
                backend.answer.set()
                assert download.result(timeout=30) == data
        finally:
            store.clear()
            store.close()


def test_without_stored_credentials_the_document_says_access_was_refused(
    file_store: FileStore, memory_keyring: MemoryKeyring
) -> None:
    doc = _serve(file_store, "/private", corpus.photo(), require_auth=("ttd_reviewer", "pw"))
    store = DocumentStore.for_staff(None, "ttd_reviewer", http=FAST_HTTP)
    try:
        refused = _refused(store.fetch(doc), "unauthorized")
        assert "401" in refused.reason and "密碼" in refused.reason
    finally:
        store.close()


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"], ids=["another-port", "another-host"])
def test_a_redirect_to_another_origin_is_refused_before_anything_is_sent_there(
    host: str, file_store: FileStore, make_store: StoreFactory
) -> None:
    """#19: the file store answers 302 to another origin (here another port, or another host name for
    this machine): the desk refuses without sending a request there, so the portal password can never
    reach a server it was not meant for."""
    other = FileStore()
    try:
        data = corpus.photo()
        other.routes["/elsewhere"] = Route(body=data)
        target = other.base.replace("127.0.0.1", host)
        moved = {"redirect_to": f"{target}/elsewhere", "require_auth": ("ttd", "pw")}
        doc = _serve(file_store, "/moved", data, **moved)
        refused = _refused(make_store(credentials=("ttd", "pw")).fetch(doc), "insecure")
        assert "轉" in refused.reason
        assert file_store.auth_seen[-1] is not None  # the file store itself had the password
        assert other.auth_seen == [] and other.routes["/elsewhere"].hits == 0  # nothing arrived there
    finally:
        other.close()


def test_a_redirect_within_the_file_store_is_followed_with_the_password(
    file_store: FileStore, make_store: StoreFactory
) -> None:
    data = corpus.photo()
    file_store.routes["/final"] = Route(body=data, require_auth=("ttd", "pw"))
    doc = _serve(file_store, "/moved", data, redirect_to="/final", require_auth=("ttd", "pw"))
    assert make_store(credentials=("ttd", "pw")).fetch(doc) == data
    assert file_store.routes["/final"].hits == 1


def test_a_redirect_loop_is_a_message_not_a_hang(file_store: FileStore, make_store: StoreFactory) -> None:
    doc = _serve(file_store, "/loop", corpus.photo(), redirect_to="/loop")
    refused = _refused(make_store().fetch(doc), "http_error")
    assert "轉址過多" in refused.reason


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl to make a certificate")
def test_a_redirect_from_https_down_to_http_is_refused_before_connecting(
    tmp_path: Path, make_store: StoreFactory
) -> None:
    """#19: https → http would send the request (and with it whatever identifies the member) in clear
    text: refused before a single byte goes to the http address."""
    cert, key = self_signed_certificate(tmp_path)
    secure, plain = HttpsFileStore(cert, key), FileStore()
    try:
        data = corpus.photo()
        plain.routes["/clear"] = Route(body=data)
        doc = _serve(secure, "/secure", data, redirect_to=plain.url("/clear"), require_auth=("ttd", "pw"))
        store = make_store(http=replace(FAST_HTTP, ca_bundle=str(cert)), credentials=("ttd", "pw"))
        refused = _refused(store.fetch(doc), "insecure")
        assert "https" in refused.reason
        assert plain.auth_seen == [] and plain.clients == []  # no request reached the http server
    finally:
        secure.close()
        plain.close()


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl to make a certificate")
def test_tls_certificates_are_verified(tmp_path: Path, make_store: StoreFactory) -> None:
    cert, key = self_signed_certificate(tmp_path)
    server = HttpsFileStore(cert, key)
    try:
        data = corpus.photo()
        doc = _serve(server, "/secure", data)
        refused = _refused(make_store().fetch(doc), "tls")
        assert "憑證" in refused.reason
        trusting = make_store(http=replace(FAST_HTTP, ca_bundle=str(cert)), cache_folder=tmp_path / "c2")
        assert trusting.fetch(doc) == data  # the facility's own CA bundle is accepted
    finally:
        server.close()


def test_plain_http_to_another_machine_is_refused_without_connecting(make_store: StoreFactory) -> None:
    doc = _doc("http://files.example.invalid/doc/1", corpus.photo())
    refused = _refused(make_store().fetch(doc), "insecure")
    assert "https" in refused.reason


def test_concurrent_workers_reuse_connections(file_store: FileStore, make_store: StoreFactory) -> None:
    store = make_store()
    docs = [[_serve(file_store, f"/w{w}/{i}", corpus.photo()) for i in range(3)] for w in range(3)]
    results: list[bytes | Rejected] = []

    def worker(mine: list[DocumentRef]) -> None:
        results.extend(store.fetch(d) for d in mine)

    threads = [threading.Thread(target=worker, args=(mine,)) for mine in docs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert results.count(corpus.photo()) == 9
    # Nine requests over at most one connection per download under way (three workers).
    assert 1 <= len(set(file_store.clients)) <= 3


def test_a_new_thread_for_every_fetch_reuses_one_connection(
    file_store: FileStore, make_store: StoreFactory
) -> None:
    # The desk's document worker is a Qt pool thread: each task is a new thread to Python. Fetching
    # must not make a new session (and keep a new connection open) for every document.
    store = make_store()
    docs = [_serve(file_store, f"/one/{i}", corpus.photo()) for i in range(6)]
    results: list[bytes | Rejected] = []
    for doc in docs:
        thread = threading.Thread(target=lambda doc=doc: results.append(store.fetch(doc)))
        thread.start()
        thread.join(30)
    assert results.count(corpus.photo()) == 6
    assert len(store.http._sessions) == 1
    assert len(set(file_store.clients)) == 1


def test_an_item_with_a_bad_file_still_shows_the_others(
    file_store: FileStore, make_store: StoreFactory
) -> None:
    good = _serve(file_store, "/good", corpus.photo())
    missing = _doc(file_store.url("/missing"), corpus.photo())
    tampered = _doc(file_store.url("/good"), corpus.screenshot(), size_bytes=len(corpus.photo()))
    store = make_store()
    verdicts = [open_document(store, d, Policy(), (800, 600)) for d in (missing, tampered, good)]
    assert [v.code for v in verdicts if isinstance(v, Rejected)] == ["missing", "hash_mismatch"]
    assert isinstance(verdicts[2], ImageDocument) and verdicts[2].image.size == (640, 480)


def test_logs_carry_no_urls_names_or_bytes(
    file_store: FileStore, make_store: StoreFactory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "A223456781"
    data = corpus.photo()
    file_store.routes["/docs/A223456781.jpg"] = Route(body=b"x" + data)
    doc = _doc(file_store.url(f"/docs/{secret}.jpg?token=tok-{secret}"), data, filename=f"{secret}身分證.jpg")
    store = make_store()
    _refused(store.fetch(doc), "size_mismatch")
    file_store.routes["/docs/A223456781.jpg"] = Route(body=data[::-1])
    store.fetch(replace(doc, id=next(_ids)))
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert caplog.records
    assert secret not in text and "token" not in text and "127.0.0.1" not in text
