"""The review queue: its rows, table model, filter and pane."""
