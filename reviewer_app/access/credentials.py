"""Staff credentials for the portal's file store, kept in the operating system's keyring only.

Never in a file: when no keyring is usable (a machine without a desktop session has only
``keyring.backends.fail``) the answer is None and the app asks for the password instead.
"""

from __future__ import annotations

import logging
from typing import Final

log = logging.getLogger(__name__)

#: The keyring "service" under which each staff member's portal password is kept.
PORTAL_SERVICE: Final = "reviewer-app/portal"


def portal_credentials(username: str) -> tuple[str, str] | None:
    """(username, password) for the portal's file store, or None when not stored or no keyring."""
    import keyring  # at first use, not at every start of the desk
    from keyring.errors import KeyringError

    try:
        password = keyring.get_password(PORTAL_SERVICE, username)
    except KeyringError as exc:
        log.warning("keyring unavailable (%s): portal credentials must be entered", type(exc).__name__)
        return None
    if not password:
        return None
    return username, password


def save_portal_password(username: str, password: str) -> bool:
    """Keep the password in the keyring; False when there is no usable keyring (ask again next time)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(PORTAL_SERVICE, username, password)
    except KeyringError as exc:
        log.warning("keyring unavailable (%s): portal password not kept", type(exc).__name__)
        return False
    return True
