"""The `reviewer-app` subcommands, one module each; every module has `register(subparsers)`."""

from reviewer_app.commands import database, desk, sync_once

# A new command: add its module here (its register() adds the parser and sets `handler`).
MODULES = (desk, database, sync_once)
