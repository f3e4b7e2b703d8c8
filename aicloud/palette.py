"""Can readers with a colour-vision deficiency tell a palette's colours apart?

Colours are simulated as seen with protanopia and deuteranopia (Machado, Oliveira and Fernandes 2009, severity
1.0, applied to linear RGB) and compared with the CIEDE2000 colour difference. A palette passes when every two
of its colours differ by at least `MIN_DISTANCE` for normal vision and under both simulations.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable

Matrix = tuple[tuple[float, float, float], ...]
PROTANOPIA: Matrix = ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                      (-0.003882, -0.048116, 1.051998))
DEUTERANOPIA: Matrix = ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                        (-0.011820, 0.042940, 0.968881))
VISIONS: dict[str, Matrix | None] = {"normal": None, "deuteranopia": DEUTERANOPIA, "protanopia": PROTANOPIA}
# About where two flat colours in a chart stop being told apart at a glance (a "just noticeable" difference
# is about 1 to 2; 10 leaves room for small marks and thin lines).
MIN_DISTANCE = 10.0


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def linear_rgb(color: str) -> tuple[float, float, float]:
    """'#rrggbb' as linear RGB in 0-1."""
    text = color.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"colour {color!r} is not #rrggbb")
    r, g, b = (_linear(int(text[i:i + 2], 16) / 255) for i in (0, 2, 4))
    return r, g, b


def simulate(color: str, matrix: Matrix | None) -> tuple[float, float, float]:
    """The colour as seen with the deficiency `matrix` (None: normal vision), in linear RGB."""
    rgb = linear_rgb(color)
    if matrix is None:
        return rgb
    r, g, b = (min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb)))) for row in matrix)
    return r, g, b


def lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of a linear-RGB colour."""
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def ciede2000(one: tuple[float, float, float], two: tuple[float, float, float]) -> float:
    """The CIEDE2000 difference of two L*a*b* colours (Sharma, Wu and Dalal 2005)."""
    l1, a1, b1 = one
    l2, a2, b2 = two
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar ** 7 / (c_bar ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dl, dc = l2 - l1, c2p - c1p
    if c1p * c2p == 0:
        dh_angle = 0.0
    elif abs(h2p - h1p) <= 180:
        dh_angle = h2p - h1p
    else:
        dh_angle = h2p - h1p - 360 if h2p - h1p > 180 else h2p - h1p + 360
    dh = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh_angle / 2))
    l_bar, cp_bar = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    else:
        h_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_bar - 30)) + 0.24 * math.cos(math.radians(2 * h_bar))
         + 0.32 * math.cos(math.radians(3 * h_bar + 6)) - 0.20 * math.cos(math.radians(4 * h_bar - 63)))
    d_theta = 30 * math.exp(-(((h_bar - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_bar ** 7 / (cp_bar ** 7 + 25 ** 7))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c = 1 + 0.045 * cp_bar
    s_h = 1 + 0.015 * cp_bar * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt((dl / s_l) ** 2 + (dc / s_c) ** 2 + (dh / s_h) ** 2 + r_t * (dc / s_c) * (dh / s_h))


def distance(one: str, two: str, vision: str = "normal") -> float:
    """How far apart two colours look with the given vision ("normal", "deuteranopia", "protanopia")."""
    matrix = VISIONS[vision]
    return ciede2000(lab(simulate(one, matrix)), lab(simulate(two, matrix)))


def closest_pairs(colors: Iterable[str]) -> dict[str, tuple[float, str, str]]:
    """For each vision, the smallest distance between two of the colours and which two they are."""
    colors = list(dict.fromkeys(c.lower() for c in colors))
    out = {}
    for vision in VISIONS:
        pairs = [(distance(a, b, vision), a, b) for a, b in itertools.combinations(colors, 2)]
        out[vision] = min(pairs) if pairs else (math.inf, "", "")
    return out


def problems(colors: Iterable[str], minimum: float = MIN_DISTANCE) -> list[str]:
    """The pairs of colours too close to tell apart, as sentences (empty: the palette passes)."""
    return [f"{a} and {b} differ by {d:.1f} < {minimum:g} with {vision}"
            for vision, (d, a, b) in closest_pairs(colors).items() if d < minimum]
