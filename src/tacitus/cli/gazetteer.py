"""`tacitus gazetteer`: build, inspect and query the gazetteer."""

from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(help="Build, inspect and query the gazetteer (places and their coordinates).",
                  no_args_is_help=True)


@app.command("build")
def build(
    dump: Path | None = typer.Option(None, "--dump", help="folder with a GeoNames dump you downloaded "
                                     "(allCountries.txt or citiesNNN.txt, admin1CodesASCII.txt, admin2Codes.txt, "
                                     "alternateNamesV2.txt); without it, the packaged data is used"),
    out: Path | None = typer.Option(None, "--out", help="where to write it (default: the cache path; "
                                    "point TACITUS_GAZETTEER or the gazetteer setting at other paths)"),
    min_population: int = typer.Option(0, help="with --dump: skip populated places smaller than this"),
) -> None:
    """Build a gazetteer file from the packaged data or from a GeoNames dump."""
    from ..geo.build import build_default, build_from_dump, default_path

    target = out or default_path()
    if dump is not None:
        if not dump.is_dir():
            typer.echo(f"error: T009 {dump}: no such folder", err=True)
            raise typer.Exit(2)
        try:
            counts = build_from_dump(dump, target, min_population=min_population)
        except FileNotFoundError as e:
            typer.echo(f"error: T009 {e}", err=True)
            raise typer.Exit(2) from e
        typer.echo(f"built {target} from {dump}: " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())))
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        build_default(target)
        typer.echo(f"built {target} from the packaged data")


@app.command("info")
def info(path: Path | None = typer.Option(None, help="gazetteer file (default: the one in use)")) -> None:
    """Show where the gazetteer is and what it holds."""
    from ..geo import default_gazetteer

    g = default_gazetteer(path)
    typer.echo(f"path: {g.path} ({g.path.stat().st_size / 1e6:.1f} MB)")
    for k, v in g.meta().items():
        typer.echo(f"{k}: {v}")


@app.command("lookup")
def lookup(name: str, path: Path | None = typer.Option(None, help="gazetteer file (default: the one in use)"),
           limit: int = typer.Option(10, help="how many candidates to show")) -> None:
    """List the candidate places for a name, most populous first."""
    from ..geo import default_gazetteer

    for c in sorted(default_gazetteer(path).lookup(name), key=lambda c: -c.population)[:limit]:
        typer.echo(f"{c.name}\t{c.kind}\t{c.country or '-'}\t{c.admin1 or '-'}\t{c.lat:.4f}\t{c.lon:.4f}\t"
                   f"pop {c.population}\t({c.how})")
