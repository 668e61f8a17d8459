"""`db upgrade`, `db current` and `seed`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from reviewer_app.commands.common import open_engine, upgrade_schema


def _count(minimum: int) -> Callable[[str], int]:
    """An argparse type: an integer of at least `minimum`, refused with the usage line (exit 2)
    before anything is opened, not a ValueError traceback from the seed halfway in."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"不是整數：{text}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"至少要 {minimum}：{value}")
        return value

    return parse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    seed = sub.add_parser("seed", help="fill a database with believable demo data")
    seed.add_argument("--facilities", type=_count(1), default=1)
    seed.add_argument("--families", type=_count(0), default=40)  # 0: facilities and staff only
    seed.add_argument("--seed", type=int, default=2026, dest="rng_seed")
    seed.set_defaults(handler=run_seed)

    db = sub.add_parser("db", help="schema commands")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="bring the shared database to the newest schema").set_defaults(
        handler=run_upgrade
    )
    db_sub.add_parser("current", help="print the schema revision").set_defaults(handler=run_current)


def run_upgrade(args: argparse.Namespace) -> int:
    from reviewer_app.shared_db.engine import current_revision, head_revision

    engine = open_engine(args)
    before = current_revision(engine)
    upgrade_schema(engine)
    print(f"schema: {before or '(empty)'} -> {head_revision()}")
    return 0


def run_current(args: argparse.Namespace) -> int:
    from reviewer_app.shared_db.engine import current_revision

    print(current_revision(open_engine(args)) or "(empty)")
    return 0


def _progress_on_stderr() -> Callable[[int, int], None]:
    """A seed of many families takes minutes: a line at the first family, then every tenth of the way."""
    shown = {"tenth": -1}

    def report(done: int, total: int) -> None:
        if done == 0:
            return
        tenth = done * 10 // total
        if tenth > shown["tenth"]:
            shown["tenth"] = tenth
            print(f"已建立 {done}／{total} 戶", file=sys.stderr, flush=True)

    return report


def run_seed(args: argparse.Namespace) -> int:
    from reviewer_app.demo.seed import seed

    engine = open_engine(args)
    upgrade_schema(engine)
    summary = seed(
        engine,
        facilities=args.facilities,
        families=args.families,
        rng_seed=args.rng_seed,
        progress=_progress_on_stderr(),
    )
    print(
        f"seeded {summary.facilities} facilities, {summary.families} families, "
        f"{summary.applications} applications, {summary.posts} posts, {summary.documents} documents "
        f"({summary.pending} pending)"
    )
    return 0
