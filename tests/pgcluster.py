"""A throwaway PostgreSQL cluster for the tests: initdb, pg_ctl start on a free port, stop.

PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user in a folder
that user owns (pytest's own tmp folders are mode 700 and unreachable for it).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from sqlalchemy import Engine, text

STAFF_HBA_LINE = "host all +reviewdesk_staff 127.0.0.1/32 scram-sha-256\n"
#: The family portal's login (docs/PORTAL.md) signs in with its password too.
PORTAL_HBA_LINE = "host all +reviewdesk_portal 127.0.0.1/32 scram-sha-256\n"


def _find_bin(name: str) -> str | None:
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else shutil.which(name)


def _has_passwordcheck(pg_ctl: str) -> bool:
    """The contrib module passwordcheck, installed beside this server (Debian's server package has it)."""
    return (Path(pg_ctl).parent.parent / "lib" / "passwordcheck.so").exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PgCluster:
    def __init__(self) -> None:
        initdb, pg_ctl = _find_bin("initdb"), _find_bin("pg_ctl")
        if not initdb or not pg_ctl:
            raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found")
        self.initdb, self.pg_ctl = initdb, pg_ctl
        self.root = Path(tempfile.mkdtemp(prefix="reviewer-pg-"))
        self.datadir = self.root / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            os.chmod(self.root, 0o755)
            shutil.chown(self.root, "postgres", "postgres")

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = list(args)
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)

    def init(self) -> None:
        result = self._run(
            self.initdb, "-D", str(self.datadir), "-A", "trust", "-U", "postgres", "-E", "UTF8"
        )
        if result.returncode != 0:
            raise RuntimeError(f"initdb failed: {result.stderr.strip()}")
        # As in a deployment, staff log in with their own password (SCRAM); the suite's superuser
        # keeps trust. "+group" matches members of the migrations' staff group (docs/SECURITY.md).
        hba = self.datadir / "pg_hba.conf"
        hba.write_text(STAFF_HBA_LINE + PORTAL_HBA_LINE + hba.read_text())

    def start(self) -> None:
        opts = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        if _has_passwordcheck(self.pg_ctl):
            # As docs/SECURITY.md asks of a deployment: the server refuses weak passwords that a
            # member sets with plain SQL (ALTER ROLE me PASSWORD '…').
            opts += " -c shared_preload_libraries=passwordcheck"
        result = self._run(
            self.pg_ctl, "-D", str(self.datadir), "-o", opts, "-l", str(self.root / "log"), "-w", "start"
        )
        if result.returncode != 0:
            log = (self.root / "log").read_text(errors="replace") if (self.root / "log").exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {result.stderr.strip()} {log[-2000:]}")

    def stop(self) -> None:
        self._run(self.pg_ctl, "-D", str(self.datadir), "-m", "fast", "-w", "stop")

    def url(self, database: str = "postgres", user: str = "postgres") -> str:
        return f"postgresql+psycopg://{user}@127.0.0.1:{self.port}/{database}"

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def wait_for_a_lock_wait(admin: Engine, worker: threading.Thread, timeout_s: float = 30) -> None:
    """Return once a session of `admin`'s database waits for a lock (the worker's, the test arranges
    it), polling pg_stat_activity; fail if the worker ends or nothing waits within `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    query = text(
        "SELECT count(*) FROM pg_stat_activity"
        " WHERE wait_event_type = 'Lock' AND datname = current_database()"
    )
    while True:
        with admin.connect() as conn:
            if conn.scalar(query):
                return
        if not worker.is_alive() or time.monotonic() > deadline:
            raise AssertionError("the worker never waited for the locked table")
