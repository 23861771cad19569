"""Loading of the knowledge files (TSV with '#' header comments, then a column header line).

Packaged files live beside this module; users extend them with folders named in the `lexicons`
setting, whose files with the same names add rows (they never replace the packaged ones)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path


def _rows(text: str, origin: str) -> Iterator[dict[str, str]]:
    header: list[str] | None = None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise ValueError(f"{origin}:{n}: {len(cells)} columns, expected {len(header)}")
        cells += [""] * (len(header) - len(cells))
        yield {h: c.strip() for h, c in zip(header, cells, strict=True)}


def read_tsv(package: str, name: str, extra_dirs: Iterable[str | Path] = ()) -> list[dict[str, str]]:
    """Rows of a packaged TSV file plus rows of same-named files in extra_dirs."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    rows = list(_rows(text, f"{package}/{name}"))
    for d in extra_dirs:
        p = Path(d) / name
        if p.is_file():
            rows.extend(_rows(p.read_text(encoding="utf-8"), str(p)))
    return rows


def read_list(package: str, name: str, extra_dirs: Iterable[str | Path] = ()) -> list[str]:
    """Lines of a packaged word list (comments and blanks skipped) plus same-named user files."""
    texts = [resources.files(package).joinpath(name).read_text(encoding="utf-8")]
    texts += [(Path(d) / name).read_text(encoding="utf-8") for d in extra_dirs if (Path(d) / name).is_file()]
    return [ln.strip() for t in texts for ln in t.splitlines() if ln.strip() and not ln.startswith("#")]
