"""Posts to print, as the portal and a reviewer leave them: approved, with real photos and PDFs."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from PIL import Image
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.shared_db.models import Decision, Document, DocumentBlob, Post, ServiceApplication

Upload = tuple[bytes, str, str]  # (bytes, declared MIME type, file name)

RED = (220, 30, 30)
BLUE = (30, 60, 220)


def jpeg(width: int = 1200, height: int = 900, colour: tuple[int, int, int] = (70, 140, 90)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "JPEG", quality=90)
    return out.getvalue()


def sideways_photo(width: int = 600, height: int = 800) -> bytes:
    """A portrait picture, red above and blue below, stored turned on its side with EXIF orientation
    6 (as a phone held upright writes it): only a viewer that applies the tag shows red on top."""
    upright = Image.new("RGB", (width, height), BLUE)
    upright.paste(RED, (0, 0, width, height // 2))
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # orientation 6 turns it back clockwise
    exif = Image.Exif()
    exif[0x0112] = 6
    out = io.BytesIO()
    stored.save(out, "JPEG", quality=92, exif=exif.tobytes())
    return out.getvalue()


def pdf(pages: int, size: tuple[int, int] = (595, 842)) -> bytes:
    """A PDF of `pages` plain pages, each a different colour (a scanner app's output)."""
    colours = [(250, 250, 240), (230, 240, 250), (240, 250, 230), (250, 235, 235)]
    images = [Image.new("RGB", size, colours[n % len(colours)]) for n in range(pages)]
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=72)
    return out.getvalue()


def approved_post(
    engine: Engine,
    uploads: Sequence[Upload] = (),
    *,
    title: str = "孩子的近況",
    body: str = "孩子這學期很努力，我們都很想你。",
    service_id: int | None = None,
    approved_by: str = "reviewer",
    now: datetime | None = None,
) -> int:
    """An approved post of an approved service (an existing approved service unless given), with the
    reviewer's decision, as a reviewer's push leaves it."""
    now = now or datetime.now(UTC)
    with Session(engine) as s, s.begin():
        if service_id is None:
            service_id = s.scalars(
                select(ServiceApplication.id).where(ServiceApplication.status == "approved").order_by(
                    ServiceApplication.id
                )
            ).first()
            assert service_id is not None
        service = s.get(ServiceApplication, service_id)
        assert service is not None
        post = Post(
            facility_id=service.facility_id,
            service_id=service_id,
            title=title,
            body=body,
            status="approved",
            version=2,
            submitted_at=now - timedelta(days=2),
            decided_at=now - timedelta(days=1),
        )
        for data, mime, name in uploads:
            post.documents.append(
                Document(
                    facility_id=service.facility_id,
                    kind="post_attachment",
                    filename=name,
                    mime_type=mime,
                    size_bytes=len(data),
                    sha256=hashlib.sha256(data).hexdigest(),
                    blob=DocumentBlob(data=data),
                )
            )
        s.add(post)
        s.flush()
        s.add(
            Decision(
                idempotency_key=f"approve-{post.id}",
                facility_id=service.facility_id,
                item_kind="post",
                item_id=post.id,
                item_version=1,
                outcome="approve",
                reason_codes=[],
                staff_username=approved_by,
                workstation="ws-review",
                decided_at=now - timedelta(days=1),
            )
        )
        return post.id
