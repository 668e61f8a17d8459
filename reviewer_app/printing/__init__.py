"""Printing approved posts for the inmates: a page a post (A4 portrait, large type, the photo upright
and as large as fits, the hand-over line), then the pages of its PDF attachments.

Modules, one job each: ``queue`` (the counsellor's list from the shared database), ``batch`` (documents
fetched and decoded through the one loader, off the GUI thread), ``layout`` (where everything goes:
pure geometry, testable), ``render`` (painting onto a QPrinter, a PDF or the preview), ``jobs`` (a
print run from list to records, for the command line, the counsellor's view and the benchmark).
Records of printing and hand-over go to the journal (reviewer_app/journal/printing.py) and are pushed
by reviewer_app/sync/push_records.py.
"""
