"""The Qt desktop client. Only ``reviewer_app.ui.qt`` imports PySide6; everything else imports from it."""
