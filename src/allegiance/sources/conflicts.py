"""Armed conflict data: UCDP/PRIO Armed Conflict Dataset and COW Militarized Interstate Disputes.

Both become ``hostility`` claims between pairs of states, one per pair, with
one piece of evidence per run of consecutive years. UCDP/PRIO: the primary
parties (``gwno_a`` against ``gwno_b``) and each side's secondary supporters
(``gwno_a_2nd``, ``gwno_b_2nd``) against the other side's primary party; two
secondary supporters of opposite sides are not paired, nor is anyone in a
civil war whose side B is not a state. The relation is ``war`` in years of
intensity 2 (1,000+ battle deaths), else ``armed_clash``. UCDP numbers states
by Gleditsch–Ward; they are mapped to COW numbers, year by year, before the
gazetteer names them. The derived (peacesciencer) file has one number per
cell; UCDP's own CSV lists several, comma-separated; both are read.

MID dyad-years (COW MID 5 or Gibler–Miller–Little): the relation is ``war``
at hostility level 5, ``armed_clash`` at 4 (use of force), else ``rivalry``
(threats and displays of force); the evidence text says which level it was. Pairs
on the same side of a dispute are skipped.
"""

from __future__ import annotations

from allegiance.errors import InputError
from allegiance.model import ClaimKind, Relation
from allegiance.sources.dataset import Context, DatasetInfo, Issues, Parsed, Source
from allegiance.sources.dyads import DyadYears, Pair, years_text
from allegiance.sources.runs import Run
from allegiance.sources.table import Row, RowError, Table, table

UCDP_ACD = DatasetInfo(
    title="UCDP/PRIO Armed Conflict Dataset",
    publisher="Uppsala Conflict Data Program (UCDP) and PRIO",
    licence="Free to use with citation: Gleditsch et al. (2002), Journal of Peace Research "
    "39(5); Davies, Pettersson & Öberg (2025), Journal of Peace Research.",
    url="https://ucdp.uu.se/downloads/",
)
COW_MID = DatasetInfo(
    title="Correlates of War Militarized Interstate Disputes (MID)",
    publisher="Correlates of War Project (Palmer et al.)",
    licence="Free to use with citation: Palmer et al. (2022), 'The MID5 Dataset, "
    "2011-2014', Conflict Management and Peace Science 39(4).",
    url="https://correlatesofwar.org/data-sets/mids/",
)
GML_MID = DatasetInfo(
    title="Gibler–Miller–Little Militarized Interstate Disputes (GML MID)",
    publisher="Gibler, Miller & Little",
    licence="Free to use with citation: Gibler, Miller & Little (2016), 'An Analysis of "
    "the Militarized Interstate Dispute (MID) Dataset, 1816-2001', International Studies "
    "Quarterly 60(4).",
    url="https://dmgibler.people.ua.edu/mid-data.html",
)
UCDP_COLUMNS = ("conflict_id", "year", "gwno_a", "gwno_b", "intensity_level")
MID_COLUMNS = ("dispnum", "ccode1", "ccode2", "year")
HOSTILITY_LEVELS = {
    1: "no militarized action",
    2: "threat to use force",
    3: "display of force",
    4: "use of force",
    5: "war",
}


def read_ucdp(source: Source, context: Context) -> Parsed:
    """UCDP/PRIO conflict-years into hostility between the states on opposite sides."""
    found = table(source.text, UCDP_COLUMNS)
    document = UCDP_ACD.document(source, found.constant("version"))
    issues = Issues()
    dyads = DyadYears()
    for row in found.rows:
        try:
            found.check(row)
            _ucdp_row(row, context, issues, dyads)
        except RowError as exc:
            issues.malformed(row.line, str(exc))
    name = f"UCDP/PRIO ACD {document.version}" if document.version else "UCDP/PRIO ACD"
    claims = dyads.claims(
        ClaimKind.HOSTILITY,
        Relation.ARMED_CLASH,
        "dataset/ucdp-acd",
        document.id,
        lambda key, run, labels: _ucdp_text(name, dyads, key, run, labels),
    )
    return Parsed(document, tuple(claims), len(found.rows), issues.all())


def _ucdp_row(row: Row, context: Context, issues: Issues, dyads: DyadYears) -> None:
    year, conflict = row.required("year"), row.text("conflict_id")
    intensity = row.integer("intensity_level")
    relation = Relation.WAR if intensity == 2 else Relation.ARMED_CLASH
    primary_a = _states(row, ("gwno_a",), year, context, issues)
    primary_b = _states(row, ("gwno_b",), year, context, issues)
    second_a = _states(row, ("gwno_a_2nd",), year, context, issues)
    second_b = _states(row, ("gwno_b_2nd",), year, context, issues)
    # Each side's fighters against the other side's: the primary parties, and a
    # secondary party against the other side's primary one. Two outside
    # supporters of opposite sides (Russia and Turkey in Syria) never met in
    # battle, so that pair is left out.
    pairs = [(a, b) for a in primary_a for b in primary_b + second_b]
    pairs += [(a, b) for a in second_a for b in primary_b]
    for a, b in pairs:
        if a != b:
            dyads.add(a, b, year, row.line, [f"conflict {conflict}"], relation)


def _states(
    row: Row, columns: tuple[str, ...], year: int, context: Context, issues: Issues
) -> list[str]:
    found = []
    for number in _numbers(row, columns):
        code = context.codes.gw(number, year)
        if code is None:
            issues.unknown(row.line, f"Gleditsch–Ward state code {number}")
        else:
            found.append(code)
    return found


def _numbers(row: Row, columns: tuple[str, ...]) -> list[int]:
    numbers = []
    for column in columns:
        for cell in row.text(column).split(","):
            part = cell.strip()
            if part and part != "NA":
                try:
                    numbers.append(int(float(part)))
                except ValueError:
                    raise RowError(f"{column} is not a state number: {part!r}") from None
    return numbers


def _ucdp_text(name: str, dyads: DyadYears, key: Pair, run: Run, labels: list[str]) -> str:
    relation = dyads.relation_in(key, run, Relation.ARMED_CLASH)
    level = "war (1,000+ battle deaths a year)" if relation is Relation.WAR else "armed conflict"
    return f"{name}: {key[0]} vs {key[1]}, {level}, {years_text(run)} ({', '.join(labels)})"


def read_mid(source: Source, context: Context) -> Parsed:
    """MID dyad-years into hostility between the states on opposite sides of each dispute."""
    found = table(source.text)
    if not found.has(*MID_COLUMNS):
        raise InputError(
            "not a MID dyad-year file (dispnum, ccode1, ccode2, year); "
            "dispute-level files name no states"
        )
    gml = found.has("midongoing") or "gml" in source.name.casefold()
    info = GML_MID if gml else COW_MID
    version = found.constant("version")
    document = info.document(source, version.removeprefix("gml-") if version else None)
    issues = Issues()
    dyads = _mid_dyads(found, context, issues)
    label = "GML MID" if gml else "COW MID"
    name = f"{label} {document.version}" if document.version else label
    claims = dyads.claims(
        ClaimKind.HOSTILITY,
        Relation.RIVALRY,
        "dataset/cow-mid",
        document.id,
        lambda key, run, labels: _mid_text(name, key, run, labels),
    )
    return Parsed(document, tuple(claims), len(found.rows), issues.all())


def _mid_dyads(found: Table, context: Context, issues: Issues) -> DyadYears:
    dyads = DyadYears()
    for row in found.rows:
        try:
            found.check(row)
            _mid_row(row, context, issues, dyads)
        except RowError as exc:
            issues.malformed(row.line, str(exc))
    return dyads


def _mid_row(row: Row, context: Context, issues: Issues, dyads: DyadYears) -> None:
    a, b, year = row.required("ccode1"), row.required("ccode2"), row.required("year")
    if row.text("sidea1") and row.text("sidea1") == row.text("sidea2"):
        return
    level = _hostility(row)
    x, y = context.codes.cow(a), context.codes.cow(b)
    for code, number in ((x, a), (y, b)):
        if code is None:
            issues.unknown(row.line, f"COW state code {number}")
    if x is None or y is None or x == y:
        return
    # Threats and displays of force (levels 2-3) are hostile but not fighting.
    relation = {5: Relation.WAR, 4: Relation.ARMED_CLASH}.get(level, Relation.RIVALRY)
    labels = [f"dispute {row.text('dispnum')}", f"level {level}"]
    dyads.add(x, y, year, row.line, labels, relation)


def _hostility(row: Row) -> int:
    """The dyad's highest hostility level: the higher side's, else the dispute's."""
    levels = [row.integer(c) for c in ("hostlev1", "hostlev2", "hostlev")]
    known = [level for level in levels[:2] if level is not None and level > 0]
    return max(known) if known else (levels[2] or 1)


def _mid_text(name: str, key: Pair, run: Run, labels: list[str]) -> str:
    disputes = [x for x in labels if x.startswith("dispute")]
    levels = [int(x.split()[1]) for x in labels if x.startswith("level")]
    highest = max(levels, default=1)
    return (
        f"{name}: {key[0]} vs {key[1]}, {', '.join(disputes)}, {years_text(run)}, "
        f"highest hostility: {HOSTILITY_LEVELS.get(highest, str(highest))}"
    )
