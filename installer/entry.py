"""The bundle's entry point (build_installer.spec): the `reviewer-app` command line, frozen."""

import sys

from reviewer_app.frozen import attach_parent_console

attach_parent_console()

from reviewer_app.cli import main  # noqa: E402 - after the console is attached

sys.exit(main())
