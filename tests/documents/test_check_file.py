"""`reviewer-app check-file`: what IT staff run when a family says a file was refused wrongly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer_app.cli import main
from tests.documents import corpus, pdfgen


def _write(folder: Path, name: str, data: bytes) -> str:
    path = folder / name
    path.write_bytes(data)
    return str(path)


def test_good_files_pass_with_their_facts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    photo = _write(tmp_path, "IMG_2034.jpg", corpus.photo(6, gps=True))
    proof = _write(tmp_path, "戶籍謄本.pdf", corpus.proof_pdf(2))
    assert main(["check-file", photo, proof]) == 0
    out = capsys.readouterr().out
    assert out.count("結果：可接受") == 2
    assert "JPEG（image/jpeg" in out and "480×640" in out
    assert "拍攝時間 2025/" in out and "相機 " in out and "含 GPS 位置資訊" in out
    assert "EXIF 方向 6" in out
    assert "頁數：2" in out


def test_any_bad_file_fails_the_run_and_each_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [
        _write(tmp_path, "screenshot.jpg", corpus.screenshot()),  # a PNG: fine, whatever its name says
        _write(tmp_path, "證明.pdf", corpus.zip_archive()),
        _write(tmp_path, "empty.png", b""),
        _write(tmp_path, "locked.pdf", corpus.encrypted_pdf()),
        str(tmp_path / "not-there.jpg"),
        str(tmp_path),
    ]
    assert main(["check-file", *files]) == 1
    captured = capsys.readouterr()
    out = captured.out
    assert "Traceback" not in out + captured.err
    assert out.count("結果：可接受") == 1 and out.count("結果：不接受") == 5
    assert "實際為 ZIP 壓縮檔" in out and "0 位元組" in out and "密碼" in out
    assert out.count("無法讀取檔案") == 2
    assert "PNG（image/png" in out


def test_a_huge_file_is_judged_without_reading_it_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "huge.jpg"
    with path.open("wb") as f:
        f.write(corpus.photo()[:4096])
        f.truncate(3 * 1024**3)  # 3 GB, sparse: reading it would take the machine's memory
    assert main(["check-file", str(path)]) == 1
    out = capsys.readouterr().out
    assert "3,221,225,472 位元組" in out and "超過 10 MB 上限" in out and "too_large" in out


def test_kind_and_rendering_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = _write(tmp_path, "照片.pdf", corpus.proof_pdf(1))
    assert main(["check-file", "--kind", "applicant_photo", pdf]) == 1
    assert "檔案內容不是 JPG 或 PNG（實際為 PDF 文件）" in capsys.readouterr().out

    bomb = _write(tmp_path, "bomb.pdf", pdfgen.huge_image_page(40_000, 40_000))
    assert main(["check-file", bomb]) == 0  # the structure is fine…
    capsys.readouterr()
    assert main(["check-file", "--render", bomb]) == 1  # …but page 1 would not be shown
    assert "第 1 頁" in capsys.readouterr().out


def test_the_installed_command_exits_cleanly(tmp_path: Path) -> None:
    good = _write(tmp_path, "a.jpg", corpus.photo())
    bad = _write(tmp_path, "b.jpg", corpus.html_page())
    done = subprocess.run(
        [sys.executable, "-m", "reviewer_app", "check-file", good, bad],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "實際為 HTML 網頁" in done.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX facility")
def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    """A pipe (or a device) is not a file to judge: reading it would wait for a writer forever."""
    pipe = tmp_path / "photo.jpg"
    os.mkfifo(pipe)
    done = subprocess.run(
        [sys.executable, "-m", "reviewer_app", "check-file", str(pipe)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "不是一般檔案" in done.stdout and "Traceback" not in done.stdout + done.stderr
