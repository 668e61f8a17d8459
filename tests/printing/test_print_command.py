"""`reviewer-app print --approved [--unit UNIT] -o FILE.pdf [--user NAME]`: the morning batch."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from reviewer_app.cli import main
from reviewer_app.core.timeutil import local
from reviewer_app.shared_db.models import Inmate, Post, PrintRecord, Restriction, ServiceApplication
from tests.printing import pdfread


def approved(engine: Engine, unit: str | None = None) -> list[int]:
    with Session(engine) as s:
        q = (
            select(Post.id)
            .join(ServiceApplication, ServiceApplication.id == Post.service_id)
            .join(Inmate, Inmate.id == ServiceApplication.inmate_id)
            .where(Post.status == "approved", Post.facility_id == 1)
        )
        if unit:
            q = q.where(Inmate.housing_unit.like(f"{unit}%"))
        return list(s.scalars(q))


def test_prints_the_morning_batch_and_marks_it_printed(
    qtbot: QtBot, shared: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = shared.url.render_as_string(hide_password=False)
    ids = approved(shared)
    out = tmp_path / "早上.pdf"

    assert main(["--database-url", url, "print", "--approved", "-o", str(out)]) == 0

    said = capsys.readouterr()
    assert f"已列印 {len(ids)} 則家庭聯絡簿" in said.out and "已同步列印紀錄" in said.out
    assert "壞掉的照片.jpg" in said.err  # the damaged upload is named, the batch went on
    assert pdfread.pages(out) >= len(ids)
    with Session(shared) as s:
        assert set(s.scalars(select(Post.status).where(Post.id.in_(ids)))) == {"printed"}
        assert set(s.scalars(select(PrintRecord.printed_by))) == {"counsellor"}  # the first counsellor
        assert s.scalar(select(func.count()).select_from(PrintRecord)) == len(ids)

    assert main(["--database-url", url, "print", "--approved", "-o", str(tmp_path / "again.pdf")]) == 0
    assert "沒有待列印的家庭聯絡簿" in capsys.readouterr().out
    assert not (tmp_path / "again.pdf").exists()


def test_one_housing_unit_and_a_named_user(
    qtbot: QtBot, shared: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = shared.url.render_as_string(hide_password=False)
    with Session(shared) as s:
        unit = s.scalars(
            select(Inmate.housing_unit)
            .join(ServiceApplication, ServiceApplication.inmate_id == Inmate.id)
            .join(Post, Post.service_id == ServiceApplication.id)
            .where(Post.status == "approved")
            .order_by(Post.id)
        ).first()
    assert unit is not None
    wing = unit.split()[0]
    in_unit = approved(shared, wing)
    before = set(approved(shared))
    assert set(in_unit) < before
    out = tmp_path / "unit.pdf"

    assert (
        main(
            [
                "--database-url",
                url,
                "print",
                "--approved",
                "--unit",
                wing,
                "-o",
                str(out),
                "--user",
                "supervisor",
            ]
        )
        == 0
    )

    assert f"已列印 {len(in_unit)} 則" in capsys.readouterr().out
    with Session(shared) as s:
        printed = set(s.scalars(select(PrintRecord.post_id)))
        assert set(s.scalars(select(PrintRecord.printed_by))) == {"supervisor"}
    assert printed == set(in_unit)
    assert set(approved(shared)) == before - printed  # the other units still wait


def test_refuses_what_it_cannot_do(
    qtbot: QtBot, shared: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = shared.url.render_as_string(hide_password=False)
    assert (
        main(
            [
                "--database-url",
                url,
                "print",
                "--approved",
                "-o",
                str(tmp_path / "x.pdf"),
                "--user",
                "reviewer",
            ]
        )
        == 2
    )
    assert "沒有「列印聯絡簿」的權限" in capsys.readouterr().err
    assert main(["--database-url", url, "print", "--approved", "-o", str(tmp_path / "x.txt")]) == 2
    assert main(["--database-url", url, "print", "--approved", "-o", str(tmp_path / "no" / "x.pdf")]) == 2
    with pytest.raises(SystemExit):
        main(["--database-url", url, "print", "-o", str(tmp_path / "x.pdf")])  # --approved is required
    assert approved(shared) and not list(tmp_path.glob("*.pdf"))


def test_a_held_back_post_is_left_out_and_said(
    qtbot: QtBot, shared: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = shared.url.render_as_string(hide_password=False)
    held, *others = approved(shared)
    today = local(datetime.now(UTC)).date()
    with Session(shared) as s, s.begin():
        post = s.get(Post, held)
        assert post is not None
        s.add(
            Restriction(
                inmate_id=post.service.inmate_id, kind="medical_isolation", starts_on=today, ends_on=None
            )
        )

    assert main(["--database-url", url, "print", "--approved", "-o", str(tmp_path / "早上.pdf")]) == 0

    said = capsys.readouterr().out
    assert f"已列印 {len(others)} 則家庭聯絡簿" in said
    assert "暫緩轉交 1 則" in said and "因疾病隔離中" in said
    with Session(shared) as s:
        assert s.scalar(select(Post.status).where(Post.id == held)) == "approved"


def test_the_hand_over_sheets_from_the_command_line(
    qtbot: QtBot, shared: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = shared.url.render_as_string(hide_password=False)
    out = tmp_path / "簽收單.pdf"
    assert main(["--database-url", url, "print", "--sheets", "-o", str(out)]) == 0
    assert "沒有待轉交的家庭聯絡簿" in capsys.readouterr().out and not out.exists()

    ids = approved(shared)
    assert main(["--database-url", url, "print", "--approved", "-o", str(tmp_path / "早上.pdf")]) == 0
    capsys.readouterr()
    with Session(shared) as s:
        inmates = s.execute(
            select(Inmate.housing_unit, Inmate.call_number, Inmate.name)
            .join(ServiceApplication, ServiceApplication.inmate_id == Inmate.id)
            .join(Post, Post.service_id == ServiceApplication.id)
            .where(Post.id.in_(ids))
        ).all()
    units = {unit.split()[0] for unit, _, _ in inmates}

    assert main(["--database-url", url, "print", "--sheets", "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert f"已輸出簽收單 {len(units)} 個舍房、{len(ids)} 則家庭聯絡簿" in said
    pages = pdfread.pages(out)
    text = "".join(pdfread.plain(pdfread.text(out, n)) for n in range(1, pages + 1))
    assert pages >= len(units) and text.count("簽收單") >= len(units) and "收件人簽名" in text
    assert all(unit in text for unit in units)
    assert all(call_number in text and name in text for _, call_number, name in inmates)
    with Session(shared) as s:  # the sheets record nothing: the posts wait to be handed over
        assert set(s.scalars(select(Post.status).where(Post.id.in_(ids)))) == {"printed"}


def test_sheets_and_approved_are_one_or_the_other(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["print", "--approved", "--sheets", "-o", str(tmp_path / "x.pdf")])
    assert "not allowed with" in capsys.readouterr().err
