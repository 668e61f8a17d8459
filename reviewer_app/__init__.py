"""Contact Book Review Desk: the staff client of the 愛在雲端~電子家庭聯絡簿 programme."""

__version__ = "0.1.0"
