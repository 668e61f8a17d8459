"""A loader verdict in words, for people: what IT staff read when a family says a file was refused."""

from __future__ import annotations

from reviewer_app.documents.loader import Verdict
from reviewer_app.documents.metadata import Metadata
from reviewer_app.documents.verdicts import Rejected, megabytes

_ORIENTATION_WORDS = {
    2: "左右鏡像",
    3: "旋轉 180°",
    4: "上下鏡像",
    5: "鏡像並旋轉",
    6: "順時針旋轉 90°",
    7: "鏡像並旋轉",
    8: "逆時針旋轉 90°",
}


def acceptable(verdict: Verdict) -> bool:
    return not isinstance(verdict, Rejected)


def describe(verdict: Verdict) -> list[str]:
    """Lines (without the file name): verdict, type, size, pixels or pages, findings."""
    meta = verdict.metadata
    lines = ["結果：不接受" if isinstance(verdict, Rejected) else "結果：可接受"]
    if isinstance(verdict, Rejected):
        lines.append(f"原因：{verdict.reason}［{verdict.code}］")
    if meta is not None:
        lines.extend(_facts(meta))
        findings = _findings(meta)
        if findings:
            lines.append("發現：" + "；".join(findings))
    return lines


def _facts(meta: Metadata) -> list[str]:
    lines = [
        f"類型：{meta.format_label}（{meta.mime_type}，依檔案內容判斷）",
    ]
    size = megabytes(meta.size_bytes)
    exact = f"{meta.size_bytes:,} 位元組"
    lines.append(f"大小：{size}" if size.endswith("位元組") else f"大小：{size}（{exact}）")
    if meta.width and meta.height:
        lines.append(f"像素：{meta.width}×{meta.height}（{meta.width * meta.height / 1e6:.1f} 百萬像素）")
    if meta.pages is not None:
        lines.append(f"頁數：{meta.pages}")
    return lines


def _findings(meta: Metadata) -> list[str]:
    out = []
    if meta.captured_at is not None:
        out.append(f"拍攝時間 {meta.captured_at:%Y/%m/%d %H:%M}")
    if meta.camera:
        out.append(f"相機 {meta.camera}")
    if meta.has_gps:
        out.append("含 GPS 位置資訊")
    if meta.orientation != 1:
        turn = _ORIENTATION_WORDS.get(meta.orientation, "")
        out.append(f"EXIF 方向 {meta.orientation}（{turn}，顯示時已轉正）")
    return out
