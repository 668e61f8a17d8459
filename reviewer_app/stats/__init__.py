"""Programme statistics for supervisors and the agency's monthly return.

`queries` computes a month's figures (`results`) with the SQL aggregates of `aggregates` on the shared
database (SQLite or PostgreSQL); `figures` flattens them into the labelled rows that the statistics
table and the report show; `report` writes those rows as CSV or XLSX.
"""

from reviewer_app.stats.months import Month

__all__ = ["Month"]
