"""Import speed of a full-size SIPRI trade register: ~30,000 records in the publisher's layout.

SIPRI allows no more than 10% of its register to be reproduced, so the full
file cannot ship; this benchmark synthesises one of the same size and shape
from the bundled Central Asia subset (236 records), repeated ~128 times, each
copy delivered to another of the gazetteer's states and its years shifted
back by 0-18 years (the real register has some 190 recipients), and written
as SIPRI exports it (Windows-1252, CRLF, with the two unquoted line breaks in
Comments). Run:

    .venv/bin/python benchmarks/import.py [--rows 30000]
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import tempfile
import time
from pathlib import Path

from allegiance.actors import Gazetteer
from allegiance.sources.bundle import folder
from allegiance.sources.dataset import Context, Source
from allegiance.sources.importer import parse, store_parsed
from allegiance.store import Store

BROKEN = (
    "Thailand,Ukraine,2008,,14,,BTR-3,APC,13,?,2010; 2012,New,Part of THB4b ($120 m) deal "
    "(for 96 BTR-3 in several versions; additional 5 given for free); delivery delayed "
    "after Germany refusal to export engines and redesign for other engines\n,0.25,3.5,3.25"
)


def shifted(row: list[str], recipient: str, years: int) -> list[str]:
    """A register record for another recipient, its order and delivery years moved back."""
    out = list(row)
    out[0] = recipient
    out[2] = str(int(row[2]) - years)
    if row[10]:
        out[10] = "; ".join(str(int(y) - years) for y in row[10].split("; "))
    return out


def synthesise(rows: int) -> bytes:
    """A register of about ``rows`` records, cp1252 and CRLF like SIPRI's export."""
    text = folder().joinpath("sipri-trade-register_central-asia.csv").read_text("utf-8")
    header, *records = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    states = [s.name for s in Gazetteer.load().states()]
    copy = 0
    while copy * len(records) < rows - 2:
        recipient = states[copy % len(states)]
        for record in records:
            writer.writerow(shifted(record, recipient, 2 * (copy % 10)))
        copy += 1
    body = out.getvalue() + BROKEN + "\r\n" + BROKEN.replace("2008", "2009") + "\r\n"
    return body.encode("cp1252")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=30_000)
    args = parser.parse_args()
    data = synthesise(args.rows)
    context = Context.load()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.db")
        started = time.perf_counter()
        parsed = parse("sipri-trade-register", Source(data, "synthetic-register.csv"), context)
        read = time.perf_counter()
        report = store_parsed(store, "sipri-trade-register", parsed)
        done = time.perf_counter()
        store.close()
    total = done - started
    size = f"{len(data) / 1e6:.1f} MB cp1252/CRLF"
    print(
        f"{report.rows} records ({size}): read {read - started:.2f} s, "
        f"stored {done - read:.2f} s, total {total:.2f} s = {report.rows / total:,.0f} rows/s; "
        f"{report.claims} claims ({report.claims_new} new), {len(report.issues)} rows skipped"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
