"""The counsellor's print and hand-over view."""
