"""Signing in and the idle lock."""
