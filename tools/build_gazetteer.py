"""Regenerate the gazetteer's state and membership tables.

Not shipped. From the repository root:

    .venv/bin/python tools/build_gazetteer.py [--shared ../shared/data] [--out DIR]

Reads pycountry (ISO 3166), the countrycode code list, the COW country codes,
COW capitals and COW IGO v3 from ``--shared``, plus the curated inputs in
``src/allegiance/data/actors`` (``state_corrections.csv``,
``organisations.csv``, ``memberships_curated.csv``), and writes
``states.csv``, ``state_names.csv`` and ``memberships.csv`` there. The
output is deterministic: run it again and ``git diff`` shows what changed.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from allegiance.actors.names import fold

ROOT = Path(__file__).resolve().parent.parent
ACTORS = ROOT / "src" / "allegiance" / "data" / "actors"
SHARED = ROOT.parent / "shared" / "data"

CODELIST = "country-codes/countrycode_codelist_without_cldr.csv"
COW_CODES = "country-codes/COW-country-codes.csv"
COW_CAPITALS = "cow-state-system/cow_capitals_via-peacesciencer.csv"
COW_IGO = "cow-igo/igo_year_format3_selected-security-regional-igos.csv"
COW_IGO_SOURCE = "COW IGO v3"
# The last year COW IGO v3 covers: a spell still open then is open today
# unless memberships_curated.csv closes it.
COW_IGO_END = 2014
UN_MEMBERS = 193
CORRECTED = "state_corrections.csv"

# COW IGO's state columns whose names do not match a countrycode name, and
# the ones left out because no state in the gazetteer continues them.
IGO_COLUMNS = {
    "car": "CAF",
    "congobrazz": "COG",
    "czechrep": "CZE",
    "domrepublic": "DOM",
    "etimor": "TLS",
    "eqguinea": "GNQ",
    "fyromacedonia": "MKD",
    "kosovo": "XKX",
    "marshallis": "MHL",
    "micronesiafs": "FSM",
    "nokorea": "PRK",
    # The UN dates Yemen's membership from North Yemen's in 1947.
    "nyemen": "YEM",
    "saotome": "STP",
    "soafrica": "ZAF",
    "sokorea": "KOR",
    "sosudan": "SSD",
    "solomonis": "SLB",
    "stkitts": "KNA",
    "stvincent": "VCT",
    "trinidad": "TTO",
    "uk": "GBR",
    "usa": "USA",
    # The Federal Republic is the Germany of today; COW splits it at 1990.
    "wgermany": "DEU",
    "wsamoa": "WSM",
    "yugoslaviaserb": "SRB",
    "zaire": "COD",
}
IGO_SKIPPED = {
    "austriahungary",
    "baden",
    "bavariaelect",
    "czechoslovakia",
    "egermany",
    "hanover",
    "hesseelect",
    "hessegrand",
    "korea",
    "mecklenburg",
    "modena",
    "papalstates",
    "parma",
    "saxony",
    "svietnam",
    "syemen",
    "tuscany",
    "twosicilies",
    "wurtenburg",
    "zanzibar",
}
IGO_META = {
    "ioname",
    "orgname",
    "year",
    "sdate",
    "deaddate",
    "dead",
    "integrated",
    "replaced",
    "longorgname",
    "ionum",
    "igocode",
    "version",
    "accuracyofpre1965membershipdates",
    "sourcesandnotes",
    "imputed",
    "political",
    "social",
    "economic",
}
IGO_STATUS = {"1": "full", "2": "associate", "3": "observer"}
STATUS_ORDER = {"full": 0, "associate": 1, "observer": 2}

STATE_FIELDS = ["code", "name", "iso2", "cow", "cow_abb", "official_name", "capital", "status"]
NAME_FIELDS = ["code", "text", "form", "source"]
MEMBERSHIP_FIELDS = ["member", "organisation", "status", "since", "until", "source", "note"]


class BuildError(Exception):
    """The inputs disagree with each other; the message says where."""


def read_csv(path: Path) -> list[dict[str, str]]:
    # newline="" lets csv read the COW code list, whose lines end in bare CRs.
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, fields: list[str], rows: Iterable[dict[str, object]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if row.get(k) is None else row[k] for k in fields})
            count += 1
    return count


def letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


# --- names ---------------------------------------------------------------------------------


def clean_name(raw: str) -> str | None:
    """A library's country name as the news writes it, or None when it has no such form.

    "Korea, Republic of" and "Bolivia (Plurinational State of)" are turned
    round; "Bahamas (the)" loses its article; "Taiwan, Province of China"
    keeps only "Taiwan"; "&" becomes "and".
    """
    text = raw.replace("\u2019", "'").replace(" & ", " and ").replace(" - ", "-").strip()
    match = re.fullmatch(r"(.+?)\s*\((.+)\)", text) or re.fullmatch(r"(.+?),\s*(.+)", text)
    if match:
        head, tail = match.group(1), match.group(2)
        tail = re.sub(r"^the\s+", "", tail, flags=re.IGNORECASE)
        text = f"{tail} {head}" if re.search(r"\bof( the)?$", tail) else head
        if text.startswith("the "):
            text = text[4:]
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    return text or None


def saint_variants(name: str) -> list[str]:
    """ "Saint Lucia" is also written "St. Lucia", and the other way round."""
    if "Saint " in name:
        return [name, name.replace("Saint ", "St. ")]
    if "St. " in name:
        return [name, name.replace("St. ", "Saint ")]
    return [name]


# --- states --------------------------------------------------------------------------------


@dataclass
class StateRow:
    code: str
    name: str = ""
    iso2: str = ""
    cow: str = ""
    cow_abb: str = ""
    official_name: str = ""
    capital: str = ""
    status: str = "un_member"
    names: list[tuple[str, str]] = field(default_factory=list)  # (raw name, source)

    def as_dict(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in STATE_FIELDS}


@dataclass
class Corrections:
    fields: dict[str, dict[str, str]]
    historical: dict[str, set[str]]

    @classmethod
    def read(cls, path: Path) -> Corrections:
        fields: dict[str, dict[str, str]] = defaultdict(dict)
        historical: dict[str, set[str]] = defaultdict(set)
        for row in read_csv(path):
            if row["field"] == "historical_name":
                historical[row["code"]].add(row["value"])
            elif row["field"] in STATE_FIELDS:
                fields[row["code"]][row["field"]] = row["value"]
            else:
                raise BuildError(f"{path.name}: unknown field {row['field']!r}")
        return cls(dict(fields), dict(historical))


class Sources:
    """The shared datasets the state table is joined from."""

    def __init__(self, shared: Path) -> None:
        self.codelist = {r["iso3c"]: r for r in read_csv(shared / CODELIST) if r["iso3c"]}
        self.cow_names: dict[str, tuple[str, str]] = {}
        for r in read_csv(shared / COW_CODES):
            self.cow_names.setdefault(r["CCode"], (r["StateAbb"], r["StateNme"]))
        self.capitals = latest_capitals(read_csv(shared / COW_CAPITALS))
        self.igo = read_csv(shared / COW_IGO)


def latest_capitals(rows: list[dict[str, str]]) -> dict[str, str]:
    """Each COW state's capital as of the latest date COW gives (Gitega, not Bujumbura)."""
    latest: dict[str, tuple[str, str]] = {}
    for row in rows:
        seen = latest.get(row["ccode"])
        if seen is None or row["stdate"] > seen[0]:
            latest[row["ccode"]] = (row["stdate"], row["capital"])
    return {code: capital for code, (_, capital) in latest.items()}


def igo_column_codes(codelist: dict[str, dict[str, str]], columns: Iterable[str]) -> dict[str, str]:
    """COW IGO's state columns ("kyrgyzstan", "uae", "zaire") mapped to ISO3 codes."""
    by_name: dict[str, str] = {}
    for iso3, row in codelist.items():
        for key in ("country.name.en", "cow.name", "iso.name.en", "un.name.en", "p4.name"):
            if row[key]:
                by_name.setdefault(letters(row[key]), iso3)
    mapping: dict[str, str] = {}
    for column in columns:
        if column in IGO_META or column in IGO_SKIPPED:
            continue
        code = IGO_COLUMNS.get(column) or by_name.get(column)
        if code is None:
            raise BuildError(f"COW IGO column {column!r} matches no state; add it to IGO_COLUMNS")
        mapping[column] = code
    return mapping


def un_members(sources: Sources, columns: dict[str, str]) -> set[str]:
    """The UN's members: COW IGO v3 codes membership up to 2014, and none joined since."""
    rows = [r for r in sources.igo if r["ioname"] == "UN" and int(r["year"]) == COW_IGO_END]
    members = {code for column, code in columns.items() if rows[0][column] == "1"}
    if len(members) != UN_MEMBERS:
        raise BuildError(f"COW IGO lists {len(members)} UN members in {COW_IGO_END}")
    return members


def state_row(code: str, sources: Sources) -> StateRow:
    """One state's row from pycountry, countrycode and COW, before corrections."""
    row = StateRow(code)
    country = pycountry.countries.get(alpha_3=code)
    listed = sources.codelist.get(code, {})
    if country is not None:
        row.iso2 = country.alpha_2
        for attr in ("name", "official_name", "common_name"):
            if value := getattr(country, attr, None):
                row.names.append((value, "pycountry"))
    for key in ("country.name.en", "un.name.en", "iso.name.en"):
        if listed.get(key):
            row.names.append((listed[key], "countrycode"))
    row.name = clean_name(listed.get("country.name.en", "")) or ""
    row.official_name = official_name(row.name, country, listed)
    row.cow = listed.get("cown", "")
    return row


def official_name(name: str, country: object, listed: dict[str, str]) -> str:
    """ISO's formal name ("Kyrgyz Republic"), else the UN's where it is not the short name."""
    for raw in (getattr(country, "official_name", ""), listed.get("un.name.en", "")):
        cleaned = clean_name(raw) if raw else None
        if cleaned and fold(cleaned) != fold(name):
            return cleaned
    return ""


def add_cow_fields(row: StateRow, sources: Sources) -> None:
    """COW abbreviation, COW name and capital, once the COW code is settled."""
    if not row.cow:
        return
    abb, cow_name = sources.cow_names.get(row.cow, ("", ""))
    row.cow_abb = row.cow_abb or abb
    if cow_name:
        row.names.append((cow_name, "COW"))
    row.capital = row.capital or sources.capitals.get(row.cow, "")


def build_states(sources: Sources, corrections: Corrections, members: set[str]) -> list[StateRow]:
    entities = {c for c, f in corrections.fields.items() if "status" in f}
    rows = []
    for code in sorted(members | entities):
        row = state_row(code, sources)
        corrected = corrections.fields.get(code, {})
        for key, value in corrected.items():
            setattr(row, key, value)
        row.names.insert(0, (row.name, CORRECTED if "name" in corrected else "countrycode"))
        if "official_name" in corrected and row.official_name:
            row.names.append((row.official_name, CORRECTED))
        add_cow_fields(row, sources)
        check_state(row)
        rows.append(row)
    return rows


def check_state(row: StateRow) -> None:
    missing = [k for k in ("name", "iso2") if not getattr(row, k)]
    if missing:
        raise BuildError(f"{row.code}: no {', '.join(missing)}; add it to state_corrections.csv")


def name_rows(state: StateRow, historical: set[str]) -> Iterator[dict[str, object]]:
    """Every distinct cleaned name of one state, with the library it came from."""
    seen: set[str] = set()
    for raw, source in state.names:
        cleaned = clean_name(raw)
        if cleaned is None:
            continue
        for text in saint_variants(cleaned):
            key = fold(text)
            if key in seen:
                continue
            seen.add(key)
            form = "historical" if text in historical else "name"
            yield {"code": state.code, "text": text, "form": form, "source": source}


# --- memberships ---------------------------------------------------------------------------


@dataclass
class Spell:
    member: str
    organisation: str
    status: str
    since: int | None
    until: int | None
    source: str
    note: str = ""

    def as_dict(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in MEMBERSHIP_FIELDS}


def cow_spells(
    sources: Sources, columns: dict[str, str], orgs: list[dict[str, str]]
) -> list[Spell]:
    """Membership spells read off COW IGO's year-by-year coding.

    COW codes status at each year: a state first coded in year Y joined in Y;
    one last coded in Y left in Y + 1 (the first year it is coded out), unless
    Y is the last year of the data, when it is still a member, or the year the
    organisation was dissolved.
    """
    spells: list[Spell] = []
    for org in orgs:
        if not org["cow_ioname"]:
            continue
        rows = sorted(
            (r for r in sources.igo if r["ioname"] == org["cow_ioname"]),
            key=lambda r: int(r["year"]),
        )
        years = [int(r["year"]) for r in rows]
        for code, statuses in yearly_status(rows, columns).items():
            spells += runs(code, org, years, statuses)
    return spells


def yearly_status(rows: list[dict[str, str]], columns: dict[str, str]) -> dict[str, list[str]]:
    """Each state's status per row (year); columns that map to one state merge, best first."""
    out: dict[str, list[str]] = {}
    for column, code in columns.items():
        statuses = [IGO_STATUS.get(r[column], "") for r in rows]
        if not any(statuses):
            continue
        merged = out.setdefault(code, [""] * len(rows))
        for i, status in enumerate(statuses):
            if status and (not merged[i] or STATUS_ORDER[status] < STATUS_ORDER[merged[i]]):
                merged[i] = status
    return out


def runs(code: str, org: dict[str, str], years: list[int], statuses: list[str]) -> list[Spell]:
    out: list[Spell] = []
    start = 0
    for i in range(1, len(statuses) + 1):
        if i < len(statuses) and statuses[i] == statuses[start]:
            continue
        if statuses[start]:
            until = end_year(years, i, org)
            out.append(
                Spell(code, org["code"], statuses[start], years[start], until, COW_IGO_SOURCE)
            )
        start = i
    return out


def end_year(years: list[int], after: int, org: dict[str, str]) -> int | None:
    if after < len(years):
        return years[after]
    if org["dissolved"]:
        return int(org["dissolved"])
    if years[-1] >= COW_IGO_END:
        return None
    raise BuildError(f"{org['code']}: COW data ends {years[-1]} but no dissolution year")


def apply_curated(spells: list[Spell], curated: list[dict[str, str]]) -> list[Spell]:
    """Curated rows add memberships COW lacks and amend what it gets wrong or predates."""
    out = list(spells)
    for row in curated:
        if row["action"] == "add":
            out.append(curated_spell(row))
        elif row["action"] == "amend":
            amend(out, row)
        elif row["action"] == "drop":
            out.remove(cow_spell_of(out, row))
        else:
            raise BuildError(f"memberships_curated.csv: unknown action {row['action']!r}")
    return out


def curated_spell(row: dict[str, str]) -> Spell:
    return Spell(
        row["member"],
        row["organisation"],
        row["status"],
        int(row["since"]) if row["since"] else None,
        int(row["until"]) if row["until"] else None,
        row["source"],
        row["note"],
    )


def cow_spell_of(spells: list[Spell], row: dict[str, str]) -> Spell:
    """The latest COW spell a curated row corrects."""
    wanted = (row["member"], row["organisation"], row["status"], COW_IGO_SOURCE)
    matches = [s for s in spells if (s.member, s.organisation, s.status, s.source) == wanted]
    if not matches:
        raise BuildError(f"no COW spell of {row['member']} in {row['organisation']} to correct")
    return max(matches, key=lambda s: s.since or 0)


def amend(spells: list[Spell], row: dict[str, str]) -> None:
    """Change a COW spell's years, keeping both sources named."""
    spell = cow_spell_of(spells, row)
    if row["since"]:
        spell.since = int(row["since"])
    if row["until"]:
        spell.until = int(row["until"])
    spell.source = f"{spell.source}; amended: {row['source']}"
    spell.note = row["note"]


def check_memberships(spells: list[Spell], states: set[str], orgs: set[str]) -> None:
    for s in spells:
        if s.member not in states or s.organisation not in orgs:
            raise BuildError(f"membership of unknown actor: {s.member} in {s.organisation}")
        if s.status not in STATUS_ORDER or not s.source:
            raise BuildError(f"bad membership row: {s}")
        if s.since is not None and s.until is not None and s.until < s.since:
            raise BuildError(f"membership ends before it starts: {s}")


# --- main ----------------------------------------------------------------------------------


def build(shared: Path, out: Path) -> dict[str, int]:
    """Write the generated tables into ``out``; returns the row count of each."""
    sources = Sources(shared)
    corrections = Corrections.read(ACTORS / "state_corrections.csv")
    columns = igo_column_codes(sources.codelist, sources.igo[0].keys())
    states = build_states(sources, corrections, un_members(sources, columns))
    orgs = read_csv(ACTORS / "organisations.csv")
    spells = apply_curated(
        cow_spells(sources, columns, orgs), read_csv(ACTORS / "memberships_curated.csv")
    )
    check_memberships(spells, {s.code for s in states}, {o["code"] for o in orgs})
    spells.sort(key=lambda s: (s.organisation, s.member, s.since or 0, STATUS_ORDER[s.status]))
    out.mkdir(parents=True, exist_ok=True)
    names = [r for s in states for r in name_rows(s, corrections.historical.get(s.code, set()))]
    return {
        "states.csv": write_csv(out / "states.csv", STATE_FIELDS, (s.as_dict() for s in states)),
        "state_names.csv": write_csv(out / "state_names.csv", NAME_FIELDS, names),
        "memberships.csv": write_csv(
            out / "memberships.csv", MEMBERSHIP_FIELDS, (s.as_dict() for s in spells)
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=ACTORS, help="where to write the tables")
    args = parser.parse_args(argv)
    try:
        counts = build(args.shared, args.out)
    except BuildError as error:
        print(f"build_gazetteer: {error}", file=sys.stderr)
        return 1
    for name, count in counts.items():
        print(f"{name}: {count} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
