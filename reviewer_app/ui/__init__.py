"""The Qt desktop client. Only ``reviewer_app.qt`` imports PySide6; everything else imports from it."""
