"""The review desk: the main window, the decision panel and the reject dialog."""
