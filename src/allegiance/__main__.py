"""``python -m allegiance``: the same as the ``allegiance`` command."""

from __future__ import annotations

from allegiance.cli import main

main(prog_name="allegiance")
