"""The supervisors' statistics view (charts painted with QPainter, the same figures as a table)."""

from reviewer_app.ui.stats.view import StatisticsView

__all__ = ["StatisticsView"]
