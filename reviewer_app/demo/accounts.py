"""The demo's own reviewer account, in a module of its own: the demo command knows whom it opens the
desk for before the seed's modules (SQLAlchemy, the models) have loaded on the seed's worker."""

from typing import Final

#: The demo reviewer, whose desk the first `reviewer-app demo` opens on the first families.
STAFF_USERNAME: Final[str] = "reviewer"
