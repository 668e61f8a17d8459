"""What every window shares: the application, languages, background tasks, shortcuts."""
