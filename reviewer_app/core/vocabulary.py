"""Codes stored in the database and their zh-TW words, as the guide and the portal use them.

The database stores the stable English codes (checked by constraints); the interface shows the words.
"""

from __future__ import annotations

from typing import Final

# 與收容人關係 (E2). Everything except OTHER is eligible: spouse, relatives within the second degree
# and a family member living with the inmate's child. The in-laws are those of Civil Code art. 969–970
# (R6), each its own code: "spouse_x" is the spouse's x (配偶之…), "x_spouse" is x's spouse (…之配偶).
RELATIONSHIPS: Final[dict[str, str]] = {
    "spouse": "配偶",
    "father": "父",
    "mother": "母",
    "child": "子女",
    "grandparent": "祖父母／外祖父母",
    "grandchild": "孫子女／外孫子女",
    "sibling": "兄弟姊妹",
    "parent_in_law": "配偶之父母",
    "child_in_law": "子女之配偶",
    "grandparent_in_law": "配偶之祖父母",
    "grandchild_in_law": "孫子女之配偶",
    "spouse_child": "配偶之子女",
    "parent_spouse": "父母之配偶",
    "spouse_grandchild": "配偶之孫子女",
    "grandparent_spouse": "祖父母之配偶",
    "sibling_spouse": "兄弟姊妹之配偶",
    "spouse_sibling": "配偶之兄弟姊妹",
    "spouse_sibling_spouse": "配偶之兄弟姊妹之配偶",
    # Before R6 one code stood for two relations; both are eligible, so its rows stay valid (which of
    # the two each one is cannot be told from the row). New applications use the two codes above.
    "sibling_in_law": "兄弟姊妹之配偶／配偶之兄弟姊妹",
    "cohabiting_with_child": "與收容人子女共居之家屬",
    "other": "其他",
}
ELIGIBLE_RELATIONSHIPS: Final[frozenset[str]] = frozenset(RELATIONSHIPS) - {"other"}

# E3: each is a restriction with a start and an end on the inmate's record.
RESTRICTION_KINDS: Final[dict[str, str]] = {
    "court_order": "經院、檢禁止接見、通信、受授物件",
    "disciplinary": "違規處分執行中",
    "investigation_isolation": "隔離調查中",
    "protective_isolation": "隔離保護中",
    "protection_room": "收容於保護室",
    "medical_isolation": "因疾病隔離中",
}

DOCUMENT_KINDS: Final[dict[str, str]] = {
    "id_document": "身分證明文件",
    "relationship_proof": "關係證明文件",
    "applicant_photo": "申請人正面清晰照片",
    "post_attachment": "附件",
}
REQUIRED_APPLICATION_DOCUMENTS: Final[tuple[str, ...]] = (
    "id_document",
    "relationship_proof",
    "applicant_photo",
)

ITEM_KINDS: Final[dict[str, str]] = {"application": "服務項目申請", "post": "家庭聯絡簿"}

# Statuses. "held" is staff-side only: the family still sees 審核中.
APPLICATION_STATUSES: Final[dict[str, str]] = {
    "pending": "審核中",
    "held": "暫緩審核",
    "approved": "審核通過",
    "rejected": "審核未通過",
    "withdrawn": "已撤回",
}
POST_STATUSES: Final[dict[str, str]] = {
    "pending": "審核中",
    "held": "暫緩審核",
    "approved": "審核通過",
    "rejected": "審核未通過",
    "printed": "已列印",
    "delivered": "已轉交",
    "undeliverable": "無法轉交",
}
DECIDABLE_STATUSES: Final[frozenset[str]] = frozenset({"pending", "held"})

STAFF_ROLES: Final[dict[str, str]] = {"reviewer": "社工師", "counsellor": "輔導員", "supervisor": "業務主管"}

OUTCOMES: Final[dict[str, str]] = {"approve": "審核通過", "reject": "審核未通過"}

# Printing and hand-over of approved posts (counsellors). A post's status moves approved → printed →
# delivered | undeliverable; a reprint keeps the status.
HANDOVER_OUTCOMES: Final[dict[str, str]] = {
    "delivered": "已轉交",
    "undeliverable": "無法轉交",
    "returned": "放回待列印",  # could not be handed over, now can: printed again (issue 22 item 4)
}
UNDELIVERABLE_REASONS: Final[dict[str, str]] = {"transferred": "移監", "released": "出監", "other": "其他"}
