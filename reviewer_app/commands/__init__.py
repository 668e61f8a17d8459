"""The `reviewer-app` subcommands, one module each; every module has `register(subparsers)`."""

from reviewer_app.commands import (
    audit,
    check_file,
    database,
    desk,
    print_cmd,
    report,
    smoke,
    staff,
    sync_once,
)

# A new command: add its module here (its register() adds the parser and sets `handler`).
MODULES = (desk, database, sync_once, smoke, report, check_file, staff, audit, print_cmd)
