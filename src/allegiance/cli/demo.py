"""``allegiance demo``: the whole pipeline on the embedded brief and default data."""

from __future__ import annotations

from pathlib import Path

import click

from allegiance import demo
from allegiance.analyst import Analyst
from allegiance.report import write_report
from allegiance.report.text import render_text
from allegiance.store import Store


@click.command("demo")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("demo-output"),
    show_default=True,
    help="Folder for the demo store and the briefing.",
)
def demo_command(out: Path) -> None:
    """Ingest the demo brief and default data into a fresh store, then analyse KGZ:TJK.

    Prints who arms whom around the Kyrgyz–Tajik border, the odd alignments
    with the sentences behind them, and writes an HTML briefing.
    """
    built = demo.build(out)
    click.echo(
        f"Built {built.path}: the demo brief ({built.brief.claims_new} claims) and "
        f"{built.datasets} default datasets.\n",
        err=True,
    )
    with Store.open(built.path) as store:
        analyst = Analyst(store)
        analysis = analyst.analyze(demo.CONFLICT)
        click.echo(render_text(analysis, analyst.documents(analysis), analyst.namer), nl=False)
        html = write_report(analyst, analysis, out / demo.BRIEFING)
        markdown = write_report(analyst, analysis, out / demo.BRIEFING_MD)
    db = built.path
    click.echo(f"\nBriefing: {html.resolve()}\n          {markdown.resolve()}")
    click.echo(
        "\nTry next:\n"
        f"  allegiance analyze --conflict KGZ:TJK --from 2021 --db {db} --format json\n"
        f"  allegiance claims --actor Russia --db {db}\n"
        f"  allegiance serve --db {db}",
        err=True,
    )
