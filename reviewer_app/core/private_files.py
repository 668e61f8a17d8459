"""The user's own folders and files: folders 0700, files 0600, and folders others could tamper with refused.

The data folder holds the journal (families' names, phone numbers, children's birth dates) and the
cache holds their identity documents. A folder that another account owns, or that group or others may
write, may already hold a planted settings file, journal or symbolic link: it is refused before
anything in it is read or written, and left as it is (the user or IT decides what to do with it).
Files and folders of ours inside that are open to others (written by an older version, by SQLite or Qt
under a loose umask) are tightened: they are ours, tightening loses nothing. A file inside that belongs
to someone else is refused like the folder. POSIX only: on Windows the folders under %APPDATA% and
%LOCALAPPDATA% are private to the user by their ACL, and the mode bits mean nothing.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Final

_POSIX: Final = os.name == "posix"
_OTHERS: Final = 0o077
_OTHERS_WRITE: Final = 0o022
_tightened: set[Path] = set()  # folders whose contents were checked in this process
_lock = threading.Lock()


class UnsafeFolder(Exception):
    """A folder (or a file in it) others could read or tamper with; the message says which and why, in
    zh-TW and English."""


def _not_ours(path: Path, owner: int) -> UnsafeFolder:
    return UnsafeFolder(
        f"{path} 不屬於目前的使用者（擁有者 uid {owner}），為保護家屬個資不予使用；"
        f"請改用自己的資料夾，或請資訊人員處理。 / {path} is not owned by you (uid {owner}); "
        "refused to protect personal data."
    )


def private_folder(path: Path) -> Path:
    """`path` created 0700 if missing; refused (UnsafeFolder) when another account owns it or group or
    others may write it; what it holds is tightened to 0600/0700 the first time it is seen."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not _POSIX:
        return path
    info = path.stat()  # through a symbolic link: the folder it points at is the one used
    if info.st_uid != os.geteuid():
        raise _not_ours(path, info.st_uid)
    if info.st_mode & _OTHERS_WRITE:
        raise UnsafeFolder(
            f"資料夾 {path} 其他使用者可以寫入（權限 {stat.S_IMODE(info.st_mode):o}），"
            "可能已被放入他人的檔案，為保護家屬個資不予使用；請刪除後重新執行（會重建只有您能存取的資料夾），或改用其他資料夾。"
            f" / The folder {path} is writable by other users; refused to protect personal data."
        )
    if info.st_mode & _OTHERS:
        os.chmod(path, 0o700)  # readable by others (an older version, or a umask of 022): ours to close
    resolved = path.resolve()
    with _lock:
        if resolved not in _tightened:
            _tighten_contents(path)
            _tightened.add(resolved)
    return path


def _tighten_contents(folder: Path) -> None:
    with os.scandir(folder) as entries:
        listed = list(entries)
    for entry in listed:
        info = entry.stat(follow_symlinks=False)
        if stat.S_ISLNK(info.st_mode):
            continue  # only we can have made it (the folder is ours alone); chmod would follow it
        if info.st_uid != os.geteuid():
            raise _not_ours(Path(entry.path), info.st_uid)
        if stat.S_ISDIR(info.st_mode):
            if info.st_mode & _OTHERS:
                os.chmod(entry.path, 0o700)
            _tighten_contents(Path(entry.path))
        elif info.st_mode & _OTHERS:
            os.chmod(entry.path, stat.S_IMODE(info.st_mode) & 0o700)


def private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 if missing; an existing one of ours open to others is
    tightened. For files another program then writes (SQLite, Qt's PDF engine): they keep its mode.
    A file that cannot be opened is left for that program to report."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        try:
            if _POSIX:
                info = os.fstat(fd)
                if info.st_mode & _OTHERS and info.st_uid == os.geteuid():
                    os.fchmod(fd, stat.S_IMODE(info.st_mode) & 0o700)
        finally:
            os.close(fd)


def create_private(path: Path) -> None:
    """Create `path` empty with mode 0600 unless it exists (then it is left as it is)."""
    with contextlib.suppress(OSError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600))


def tighten(path: Path) -> None:
    """An existing file of ours open to others becomes user-only; a missing one is left missing."""
    if path.exists():
        private_file(path)


def write_private_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Like Path.write_text, but a new file is created 0600."""
    private_file(path)
    path.write_text(text, encoding=encoding)


@contextlib.contextmanager
def replaced_when_written(path: Path) -> Iterator[Path]:
    """A private (0600) temporary file beside `path` to write; moved over `path` when the block ends
    without error, removed otherwise. A failed export (disk full, an unreadable row) leaves no empty or
    half file and keeps an earlier one."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    temporary.unlink(missing_ok=True)  # left by a crash: its mode is not known
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    os.close(fd)
    try:
        yield temporary
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
