"""`python -m tacitus.store.migrations check` lists what the records define and no migration
creates; `... new NAME` writes the migration that adds it (a developer's tool: migrations ship
with the package)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import NAME, discover, layout, missing, render


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tacitus.store.migrations")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="list the statements a new migration needs")
    new = sub.add_parser("new", help="write the next migration with those statements")
    new.add_argument("name", help="what it adds, in lower_snake_case (e.g. event_salience)")
    args = parser.parse_args(argv)
    todo = missing(layout())
    if args.command == "check":
        for s in todo:
            print(s)
        return 1 if todo else 0
    if not todo:
        print("nothing to add: the migrations build every column the records define", file=sys.stderr)
        return 1
    number = int(discover()[-1].name[:4]) + 1
    stem = f"{number:04d}_{args.name}"
    if not NAME.match(stem):
        print(f"error: {args.name!r}: use lower_snake_case letters, digits and _", file=sys.stderr)
        return 2
    path = Path(__file__).with_name(f"{stem}.py")
    path.write_text(render(args.name, todo, number), encoding="utf-8")
    print(f"wrote {path} ({len(todo)} statements)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
