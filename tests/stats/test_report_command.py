"""`reviewer-app report --month YYYY-MM [--facility CODE] -o FILE`: files, exit codes, one-line errors."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine

from reviewer_app.cli import main
from tests.stats.world import World


def url_of(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_one_facility_as_xlsx(
    sqlite_world: tuple[Engine, World], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine, _ = sqlite_world
    out = tmp_path / "ttd-2026-11.xlsx"
    assert (
        main(
            [
                "--database-url",
                url_of(engine),
                "report",
                "--month",
                "2026-11",
                "--facility",
                "TTD",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert "已寫入" in capsys.readouterr().out

    workbook = load_workbook(out, read_only=True)
    rows = list(workbook.active.iter_rows(min_row=2, values_only=True))
    workbook.close()
    assert {r[1] for r in rows} == {"TTD"}
    values = {r[8]: r[5] for r in rows}
    assert (values["applications.received"], values["posts.approved"], values["posts.rejected"]) == (5, 5, 3)
    assert values["reviewer.ttd_rev2.rejection_rate"] == 75.0


def test_every_facility_then_all_together_as_csv(
    sqlite_world: tuple[Engine, World], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine, _ = sqlite_world
    out = tmp_path / "all.csv"
    assert main(["--database-url", url_of(engine), "report", "--month", "2026-11", "-o", str(out)]) == 0
    assert "3 個機關區塊" in capsys.readouterr().out
    rows = read_csv(out)[1:]
    assert list(dict.fromkeys(r[1] for r in rows)) == ["TPP", "TTD", "ALL"]
    received = {r[1]: r[5] for r in rows if r[8] == "posts.received"}
    assert received == {"TPP": "3", "TTD": "12", "ALL": "15"}


@pytest.mark.parametrize("month", ["2026/11", "11-2026", "2026-1", "November"])
def test_a_bad_month_is_one_clear_line(
    sqlite_world: tuple[Engine, World], tmp_path: Path, capsys: pytest.CaptureFixture[str], month: str
) -> None:
    engine, _ = sqlite_world
    out = tmp_path / "r.csv"
    assert main(["--database-url", url_of(engine), "report", "--month", month, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "YYYY-MM" in err and month in err and "Traceback" not in err
    assert not out.exists()


def test_a_month_that_does_not_exist(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["--database-url", sqlite_url, "report", "--month", "2026-13", "-o", str(tmp_path / "r.csv")])
        == 2
    )
    err = capsys.readouterr().err
    assert "2026-13" in err and "1 到 12" in err


def test_other_user_errors(
    sqlite_world: tuple[Engine, World], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = url_of(sqlite_world[0])
    base = ["--database-url", url, "report", "--month", "2026-11"]
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()

    assert main([*base, "--facility", "XYZ", "-o", str(tmp_path / "r.csv")]) == 2
    assert "XYZ" in (err := capsys.readouterr().err) and "TPP、TTD" in err

    assert main([*base, "-o", str(tmp_path / "r.pdf")]) == 2
    assert ".xlsx" in capsys.readouterr().err

    assert main([*base, "-o", str(tmp_path / "missing" / "r.csv")]) == 2
    assert "輸出資料夾不存在" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_database_not_set_up_or_unreachable(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "r.csv")
    assert main(["--database-url", sqlite_url, "report", "--month", "2026-11", "-o", out]) == 2
    assert "db upgrade" in capsys.readouterr().err

    unreachable = "postgresql://reviewer@127.0.0.1:9/nowhere"
    assert main(["--database-url", unreachable, "report", "--month", "2026-11", "-o", out]) == 3
    assert "無法連線到共用資料庫" in capsys.readouterr().err


def test_month_and_output_are_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["report", "-o", "x.csv"])
    assert exit_info.value.code == 2
    assert "--month" in capsys.readouterr().err
