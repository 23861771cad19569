"""Fixed colours for event types, one table per ontology (colours.tsv), so a type has the same colour
in every store and every view: a colour follows the type, never its frequency. The table is chosen
from colour-blind-safe palettes (Okabe and Ito; Paul Tol's) so that any two types of an ontology stay
apart for normal vision and under deuteranopia, protanopia and tritanopia (checked by the tests with
the colour science below: Machado et al. 2009 simulation, CIE L*a*b* distance)."""

from __future__ import annotations

from functools import lru_cache

from ..lexicons import read_tsv

OTHER = "#BBBBBB"  # a value the table does not know (a type added after the table was written)
# Machado, Oliveira and Fernandes (2009), full severity, on linear RGB
CVD = {
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}


@lru_cache(maxsize=1)
def palette() -> dict[str, dict[str, str]]:
    """ontology (plover, acled, acled_sub, cameo, quad) -> type value -> '#RRGGBB'."""
    out: dict[str, dict[str, str]] = {}
    for r in read_tsv("tacitus.web", "colours.tsv"):
        out.setdefault(r["ontology"], {})[r["value"]] = r["colour"]
    return out


def colour(dim: str, value: str | None) -> str:
    return palette().get(dim, {}).get(value or "", OTHER)


# ---------------------------------------------------------------------------- colour science

def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def rgb(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    return tuple(_linear(int(h[i:i + 2], 16) / 255) for i in (0, 2, 4))  # type: ignore[return-value]


def simulate(lin: tuple[float, float, float], kind: str | None) -> tuple[float, float, float]:
    if kind is None:
        return lin
    m = CVD[kind]
    return tuple(min(1.0, max(0.0, sum(m[i][j] * lin[j] for j in range(3)))) for i in range(3))  # type: ignore


def lab(lin: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = lin
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def distance(a: str, b: str, kind: str | None = None) -> float:
    """CIE76 distance of two colours as seen with normal vision or a colour-vision deficiency."""
    la, lb = lab(simulate(rgb(a), kind)), lab(simulate(rgb(b), kind))
    return sum((p - q) ** 2 for p, q in zip(la, lb, strict=True)) ** 0.5
