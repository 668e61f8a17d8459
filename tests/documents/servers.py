"""Real servers on 127.0.0.1 for the store's tests: an HTTP file store with scripted behaviour, a raw
socket server that resets connections, and HTTPS with a certificate nobody trusts."""

from __future__ import annotations

import base64
import http.server
import socket
import ssl
import struct
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Route:
    """What the file store does for one path: a body, a status, and how to misbehave."""

    body: bytes = b""
    status: int = 200
    #: fail with these statuses first (one per request), then answer normally
    fail_first: list[int] = field(default_factory=list)
    #: wait this long before answering (released early when the server stops)
    delay: float = 0.0
    #: send the body in pieces with this pause between them
    trickle: float = 0.0
    content_length: int | None = None  # None: the body's real length; -1: no header (close-delimited)
    require_auth: tuple[str, str] | None = None
    redirect_to: str | None = None
    hits: int = 0
    bytes_sent: int = 0


class FileStore:
    """A ThreadingHTTPServer whose routes the test sets; counts requests per path."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.stopping = threading.Event()
        self.auth_seen: list[str | None] = []
        self.clients: list[tuple[str, int]] = []  # the client address of every request
        store = self

        class Handler(_RequestHandler):
            file_store = store

        self.server = _QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self._prepare()
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def _prepare(self) -> None:
        """Subclasses adjust the listening socket here, before the server starts."""

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A client hanging up (which the tests make clients do) is not worth a traceback on stderr."""
        exc = sys.exc_info()[1]
        if isinstance(exc, ConnectionError | ssl.SSLError | TimeoutError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class _RequestHandler(http.server.BaseHTTPRequestHandler):
    file_store: FileStore
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return

    def do_GET(self) -> None:
        store = self.file_store
        route = store.routes.get(self.path.split("?")[0])
        store.auth_seen.append(self.headers.get("Authorization"))
        store.clients.append(self.client_address[:2])
        if route is None:
            self._send(404, b"not found")
            return
        route.hits += 1
        if route.delay and store.stopping.wait(route.delay):
            return
        if route.fail_first:
            self._send(route.fail_first.pop(0), b"temporarily unavailable")
            return
        if route.require_auth is not None:
            expected = "Basic " + base64.b64encode(":".join(route.require_auth).encode()).decode()
            if self.headers.get("Authorization") != expected:
                self._send(401, b"who are you", {"WWW-Authenticate": 'Basic realm="files"'})
                return
        if route.redirect_to is not None:
            self._send(302, b"", {"Location": route.redirect_to})
            return
        self.send_response(route.status)
        self.send_header("Content-Type", "application/octet-stream")
        if route.content_length != -1:
            length = len(route.body) if route.content_length is None else route.content_length
            self.send_header("Content-Length", str(length))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        piece = 64 * 1024 if not route.trickle else 16
        try:
            for start in range(0, len(route.body), piece):
                self.wfile.write(route.body[start : start + piece])
                route.bytes_sent += len(route.body[start : start + piece])
                if route.trickle and store.stopping.wait(route.trickle):
                    return
        except (BrokenPipeError, ConnectionResetError):
            return

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class ResettingServer:
    """Accepts connections and resets the first `resets` of them (TCP RST), then serves `body`."""

    def __init__(self, body: bytes, resets: int, reset_after_headers: bool = False) -> None:
        self.body = body
        self.resets_left = resets
        self.reset_after_headers = reset_after_headers
        self.connections = 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def url(self, path: str = "/doc") -> str:
        host, port = self.sock.getsockname()[:2]
        return f"http://{host}:{port}{path}"

    def _serve(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                self.connections += 1
                conn.settimeout(5)
                try:
                    _read_request(conn)
                    if self.resets_left > 0:
                        self.resets_left -= 1
                        if self.reset_after_headers:
                            head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(self.body)}\r\n\r\n".encode()
                            conn.sendall(head + self.body[: len(self.body) // 3])
                        # linger 0: close() sends RST instead of FIN
                        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                        continue
                    head = (
                        f"HTTP/1.1 200 OK\r\nContent-Length: {len(self.body)}\r\nConnection: close\r\n\r\n"
                    ).encode()
                    conn.sendall(head + self.body)
                except OSError:
                    continue

    def close(self) -> None:
        self.stopping.set()
        self.sock.close()
        self.thread.join(5)


def _read_request(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 signed by nobody (openssl), and its key."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


class HttpsFileStore(FileStore):
    def __init__(self, cert: Path, key: Path) -> None:
        self._cert, self._key = cert, key
        super().__init__()

    def _prepare(self) -> None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self._cert, self._key)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)

    @property
    def base(self) -> str:
        return f"https://127.0.0.1:{self.server.server_address[1]}"
