"""The `mejabantu` console command: Django's management commands with our defaults.

`mejabantu run`, `mejabantu worker`, `mejabantu demo`, `mejabantu import-regulation FILE`,
and every other management command (`mejabantu migrate`, ...). Hyphens in a command
name are read as underscores.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mejabantu.settings")
    args = list(sys.argv if argv is None else argv)
    args[0] = "mejabantu"
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


if __name__ == "__main__":
    main()
