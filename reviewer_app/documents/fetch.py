"""Fetching a document from the portal's file store over HTTPS.

One ``requests.Session`` per worker thread (a Session is not meant to be shared between threads),
connect and read timeouts plus a deadline for the whole download (a server that trickles a byte at a
time never trips a read timeout), retries with back-off through urllib3's ``Retry``, TLS verification
always on, the body streamed under a cap of the size the shared database declares, and the SHA-256
checked before anyone may decode the bytes. Credentials are the staff member's, from the keyring.
Redirects are followed by hand, each checked before anything is sent: only within the document's own
origin (so never to another server, and never from https down to http).

Nothing here logs a URL, a file name or a byte of content: only the document id and what went wrong.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Final
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from requests.auth import HTTPBasicAuth
from urllib3.exceptions import ConnectTimeoutError, MaxRetryError, ProtocolError, ReadTimeoutError
from urllib3.util.retry import Retry

from reviewer_app.documents import verdicts
from reviewer_app.documents.verdicts import Rejected

log = logging.getLogger(__name__)
# urllib3 logs request lines and retry warnings with the URL's path and query (signed tokens, file
# names that may hold an ID number). Only its errors are let through; we log by document id instead.
logging.getLogger("urllib3").setLevel(max(logging.getLogger("urllib3").level, logging.ERROR))

_CHUNK: Final = 64 * 1024
_SLOW: Final = "入口網站檔案庫傳送過慢，逾時未完成下載，請稍後再試"
_BAD_URL: Final = "文件的下載位址格式不正確，請通知資訊人員"
_PLAIN_HTTP: Final = "文件位址未使用加密連線（https），為保護個資不予下載，請通知資訊人員"
_DOWNGRADED: Final = (
    "入口網站檔案庫把下載轉到未加密（非 https）的位址，為保護帳號與個資不予下載，請通知資訊人員"
)
_ELSEWHERE: Final = "入口網站檔案庫把下載轉到其他網站，為保護帳號與個資不予下載，請通知資訊人員"
_TOO_MANY_REDIRECTS: Final = "入口網站檔案庫的轉址過多，無法下載，請通知資訊人員"
#: Redirects followed within the file store itself (each one checked first).
_MAX_REDIRECTS: Final = 5
_RETRY_STATUSES: Final = frozenset({429, 500, 502, 503, 504})
#: Plain http is refused except to this machine (a local test or a proxy on the workstation itself).
_LOOPBACK: Final = frozenset({"127.0.0.1", "::1", "localhost"})


@dataclass(frozen=True)
class HttpSettings:
    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    #: the whole download, however the server paces it
    total_seconds: float = 120.0
    #: urllib3 retries for connection errors, resets before the answer and 429/5xx answers
    retries: int = 3
    backoff_factor: float = 0.5
    backoff_max: float = 8.0
    #: one more attempt when the connection breaks in the middle of the body
    body_retries: int = 1
    #: the facility's CA bundle (PEM); None uses the system's / certifi's
    ca_bundle: str | None = None

    def retry(self) -> Retry:
        return Retry(
            total=self.retries,
            connect=self.retries,
            read=self.retries,
            status=self.retries,
            other=0,
            redirect=5,
            allowed_methods=frozenset({"GET"}),
            status_forcelist=_RETRY_STATUSES,
            backoff_factor=self.backoff_factor,
            backoff_max=self.backoff_max,
            raise_on_status=False,
            # A Retry-After of an hour would freeze the worker: our own back-off is enough.
            respect_retry_after_header=False,
        )


class _BodyBroken(Exception):
    """The connection failed while the body was streaming (worth one more attempt)."""


class HttpFetcher:
    """Downloads with the rules above; safe to use from several worker threads (one Session per
    download under way, kept for the next one).

    Not one Session per thread: the desk's workers are Qt pool threads, and each task they run is a
    new thread to Python (its thread-local data gone when the task ends), so a Session per thread
    was a new Session — and a new open connection kept — for every document."""

    def __init__(
        self, settings: HttpSettings | None = None, credentials: tuple[str, str] | None = None
    ) -> None:
        self.settings = settings or HttpSettings()
        self._credentials = credentials
        self._sessions: list[requests.Session] = []  # every Session made (closed by close())
        self._idle: list[requests.Session] = []  # those not downloading now
        self._lock = threading.Lock()

    @contextmanager
    def _session(self) -> Iterator[requests.Session]:
        """A Session for one download: an idle one, else a new one; idle again afterwards."""
        with self._lock:
            session = self._idle.pop() if self._idle else None
        if session is None:
            session = self._new_session()
            with self._lock:
                self._sessions.append(session)
        try:
            yield session
        finally:
            with self._lock:
                if any(s is session for s in self._sessions):  # not closed meanwhile
                    self._idle.append(session)

    def _new_session(self) -> requests.Session:
        session = requests.Session()
        adapter = HTTPAdapter(max_retries=self.settings.retry(), pool_connections=2, pool_maxsize=2)
        session.mount("https://", adapter)
        session.mount("http://", adapter)
        if self._credentials is not None:
            user, password = self._credentials
            # UTF-8 (RFC 7617): requests would encode str as Latin-1 and fail on a Chinese password.
            session.auth = HTTPBasicAuth(user.encode("utf-8"), password.encode("utf-8"))
        # Documents are JPEG, PNG and PDF: already compressed. Refusing content encodings also
        # means no compressed stream can expand past the byte cap inside the HTTP library.
        session.headers["Accept-Encoding"] = "identity"
        session.headers["User-Agent"] = "reviewer-app"
        return session

    def close(self) -> None:
        with self._lock:
            sessions, self._sessions, self._idle = self._sessions, [], []
        for session in sessions:
            session.close()

    def get(self, doc_id: int, url: str, size_bytes: int, sha256: str) -> bytes | Rejected:
        """The document's bytes, exactly `size_bytes` long with the given SHA-256, or why not."""
        refused = _check_url(url)
        if refused is not None:
            return refused
        deadline = time.monotonic() + self.settings.total_seconds
        attempts = 1 + max(0, self.settings.body_retries)
        for attempt in range(attempts):
            try:
                data = self._download(doc_id, url, size_bytes, deadline)
            except _BodyBroken as exc:
                log.info("document %d: connection broke during the body (attempt %d)", doc_id, attempt + 1)
                if attempt + 1 < attempts and time.monotonic() < deadline:
                    time.sleep(min(self.settings.backoff_factor, max(0.0, deadline - time.monotonic())))
                    continue
                return _network_failure(exc.__cause__ or exc)
            except requests.exceptions.RequestException as exc:
                log.info("document %d: request failed (%s)", doc_id, type(exc).__name__)
                return _network_failure(exc)
            except ValueError as exc:  # a URL requests cannot even form a request for
                log.info("document %d: unusable URL (%s)", doc_id, type(exc).__name__)
                return Rejected(verdicts.BAD_RECORD, _BAD_URL)
            if isinstance(data, Rejected):
                return data
            if hashlib.sha256(data).hexdigest() != sha256.lower():
                log.warning("document %d: SHA-256 differs from the shared database's", doc_id)
                return Rejected(
                    verdicts.HASH_MISMATCH,
                    "檔案內容與入口網站的紀錄不符（SHA-256 不一致），可能傳輸損壞或遭竄改，不予顯示",
                )
            return data
        raise AssertionError("unreachable")

    def _download(self, doc_id: int, url: str, size_bytes: int, deadline: float) -> bytes | Rejected:
        timeout = (self.settings.connect_timeout, self.settings.read_timeout)
        # verify per request: a session-level value loses to $REQUESTS_CA_BUNDLE (requests #3829)
        verify: str | bool = self.settings.ca_bundle or True
        with self._session() as session:
            current = url
            for _hop in range(_MAX_REDIRECTS + 1):
                # Redirects are followed here, not by requests: each target is checked (same origin as
                # the document's address, so https stays https) before anything is sent to it. requests
                # would first send the request on (to plain http, or to another server) and only drop
                # the password on the way.
                response = session.get(
                    current, stream=True, timeout=timeout, verify=verify, allow_redirects=False
                )
                if not response.is_redirect:
                    with response:
                        return self._body(doc_id, response, size_bytes, deadline)
                target = session.get_redirect_target(response)
                response.close()
                current = urljoin(current, target or "")
                refused = _check_redirect(url, current)
                if refused is not None:
                    log.warning("document %d: the file store redirected elsewhere; not followed", doc_id)
                    return refused
                if time.monotonic() > deadline:
                    return Rejected(verdicts.TIMEOUT, _SLOW)
        log.info("document %d: too many redirects", doc_id)
        return Rejected(verdicts.HTTP_ERROR, _TOO_MANY_REDIRECTS)

    def _body(
        self, doc_id: int, response: requests.Response, size_bytes: int, deadline: float
    ) -> bytes | Rejected:
        status = response.status_code
        if status != 200:
            log.info("document %d: HTTP %d", doc_id, status)
            return _status_refusal(status)
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > size_bytes:
            log.warning("document %d: the file store sends more bytes than recorded", doc_id)
            return _too_long(size_bytes)
        body = bytearray()
        raw = response.raw
        try:
            # read1: whatever has arrived, at most one wait of read_timeout, so the deadline is
            # checked however slowly the server sends. Raw bytes: no content decoding, ever.
            while chunk := raw.read1(_CHUNK, decode_content=False):
                body += chunk
                if len(body) > size_bytes:
                    log.warning("document %d: body longer than recorded; stopped reading", doc_id)
                    return _too_long(size_bytes)
                if time.monotonic() > deadline:
                    log.info("document %d: download deadline passed", doc_id)
                    return Rejected(verdicts.TIMEOUT, _SLOW)
        except (urllib3.exceptions.HTTPError, requests.exceptions.RequestException, OSError) as exc:
            if _is_timeout(exc):
                raise requests.exceptions.ReadTimeout(exc) from exc
            raise _BodyBroken() from exc
        if len(body) != size_bytes:
            log.warning("document %d: body shorter than recorded (%d of %d)", doc_id, len(body), size_bytes)
            return Rejected(
                verdicts.SIZE_MISMATCH,
                f"下載的檔案大小與入口網站的紀錄不符（{len(body):,} / {size_bytes:,} 位元組），不予顯示",
            )
        return bytes(body)


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    port = parts.port or {"https": 443, "http": 80}.get(parts.scheme)
    return parts.scheme.lower(), (parts.hostname or "").lower(), port


def _check_redirect(document_url: str, target: str) -> Rejected | None:
    """A redirect is followed only within the document's own origin (scheme, host and port): never to
    another server, which would be handed the member's password, nor from https down to http."""
    try:
        same = _origin(target) == _origin(document_url)
    except ValueError:  # a port that is not a number
        same = False
    if same:
        return _check_url(target)
    if urlsplit(document_url).scheme == "https" and not target.lower().startswith("https:"):
        return Rejected(verdicts.INSECURE, _DOWNGRADED)
    return Rejected(verdicts.INSECURE, _ELSEWHERE)


def _check_url(url: str) -> Rejected | None:
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return Rejected(verdicts.BAD_RECORD, _BAD_URL)
    if parts.scheme == "https" and host:
        return None
    if parts.scheme == "http" and host in _LOOPBACK:
        return None
    if parts.scheme == "http":
        return Rejected(verdicts.INSECURE, _PLAIN_HTTP)
    return Rejected(verdicts.BAD_RECORD, _BAD_URL)


def _too_long(size_bytes: int) -> Rejected:
    return Rejected(
        verdicts.SIZE_MISMATCH,
        f"下載的檔案比入口網站紀錄的 {size_bytes:,} 位元組更大，已停止下載，不予顯示",
    )


def _status_refusal(status: int) -> Rejected:
    if status in (404, 410):
        return Rejected(verdicts.MISSING, f"入口網站檔案庫找不到這個檔案（HTTP {status}），可能已被刪除")
    if status in (401, 403):
        return Rejected(
            verdicts.UNAUTHORIZED, f"入口網站檔案庫拒絕存取（HTTP {status}），請確認帳號密碼或權限"
        )
    return Rejected(verdicts.HTTP_ERROR, f"入口網站檔案庫暫時無法提供檔案（HTTP {status}），請稍後再試")


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception with everything it wraps (requests wraps urllib3, which wraps the socket's)."""
    seen: list[BaseException] = []
    todo: list[BaseException] = [exc]
    while todo and len(seen) < 20:
        current = todo.pop()
        if any(current is s for s in seen):
            continue
        seen.append(current)
        todo.extend(a for a in current.args if isinstance(a, BaseException))
        if isinstance(current, MaxRetryError) and current.reason is not None:
            todo.append(current.reason)
        for linked in (current.__cause__, current.__context__):
            if linked is not None:
                todo.append(linked)
    return seen


def _is_timeout(exc: BaseException) -> bool:
    return any(
        isinstance(e, requests.exceptions.Timeout | ReadTimeoutError | ConnectTimeoutError | TimeoutError)
        for e in _causes(exc)
    )


def _network_failure(exc: BaseException) -> Rejected:
    if any(isinstance(e, requests.exceptions.SSLError) for e in _causes(exc)):
        return Rejected(
            verdicts.TLS,
            "無法驗證入口網站檔案庫的安全憑證（TLS），為保護個資不予下載，請通知資訊人員",
        )
    if _is_timeout(exc):
        return Rejected(verdicts.TIMEOUT, "入口網站檔案庫沒有回應（逾時），請稍後再試")
    if isinstance(exc, requests.exceptions.TooManyRedirects):
        return Rejected(verdicts.HTTP_ERROR, _TOO_MANY_REDIRECTS)
    if any(isinstance(e, ProtocolError | ConnectionError) for e in _causes(exc)) or isinstance(
        exc, requests.exceptions.ConnectionError
    ):
        return Rejected(verdicts.NETWORK, "連線到入口網站檔案庫時中斷，請稍後再試")
    return Rejected(verdicts.NETWORK, "無法從入口網站檔案庫下載檔案，請稍後再試")
