"""Who may do what: sign-in, staff accounts, credentials, roles, the audit chain."""
