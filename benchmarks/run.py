"""Run every benchmark at a size that finishes in minutes, printing each one's figures.

    .venv/bin/python benchmarks/run.py [--full]

Each benchmark measures its own baseline in the same run and prints ratios
against it (machines here are shared and noisy). ``--full`` runs each at its
own default size instead (the balance benchmark alone then takes about half
an hour, the events one several minutes per engine).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

QUICK: dict[str, list[str]] = {
    "extraction.py": ["--quick"],
    "balance.py": ["--quick"],
    "events.py": ["--events", "2000000"],
    "import.py": [],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="each benchmark at its full size")
    args = parser.parse_args()
    failed = []
    for script, quick in QUICK.items():
        print(f"\n=== benchmarks/{script} ===", flush=True)
        started = time.perf_counter()
        command = [sys.executable, str(HERE / script), *([] if args.full else quick)]
        if subprocess.call(command) != 0:
            failed.append(script)
        print(f"=== {script}: {time.perf_counter() - started:.0f} s ===", flush=True)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
