"""The supervisor's tools: suspensions, strikes, the reason catalogue, the audit trail."""
