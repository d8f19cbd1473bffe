"""The held-and-released chart as inline SVG, drawn on the server without JavaScript."""

from __future__ import annotations

from markupsafe import Markup, escape

from prisonwatch.registry.stats import period_position
from prisonwatch.web.schemas import PeriodRow

WIDTH, HEIGHT, PAD = 860, 300, 40
RELEASED, ARRESTED, HELD = "#2a9d8f", "#e76f51", "#264653"


def _x(position: float, first: float, span: float, inner_w: float) -> float:
    return PAD + (position - first) / span * inner_w


def svg(rows: list[PeriodRow]) -> Markup:
    """Return released (up) and arrested (down) bars and the held line on a time axis.

    The horizontal axis is proportional to time: two periods years apart stand years apart.
    """
    if not rows:
        return Markup('<p class="muted">No dated events have been accepted yet.</p>')
    top = max([1, *(r.released for r in rows), *(r.held_at_end for r in rows)])
    bottom = max([0, *(r.arrested for r in rows)])
    inner_w, inner_h = WIDTH - 2 * PAD, HEIGHT - 2 * PAD - 14
    scale = inner_h / (top + bottom)
    zero = PAD + top * scale
    where = [period_position(r.period) for r in rows]
    daily = len(rows[0].period) >= 10
    unit = 1 / 31 if daily else 1.0
    first, last = where[0], where[-1] + unit
    span = max(last - first, unit)
    bar = max(2.0, unit / span * inner_w * 0.7)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        'aria-label="People released, arrested and held over time" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<line x1="{PAD}" y1="{zero:.1f}" x2="{WIDTH - PAD}" y2="{zero:.1f}" stroke="#999"/>',
    ]
    points: list[str] = []
    last_y = zero
    for position, row in zip(where, rows, strict=True):
        x = _x(position, first, span, inner_w)
        label = escape(row.period)
        if row.released:
            h = row.released * scale
            parts.append(
                f'<rect x="{x:.1f}" y="{zero - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{RELEASED}"><title>{label}: {row.released} released</title></rect>'
            )
        if row.arrested:
            h = row.arrested * scale
            parts.append(
                f'<rect x="{x:.1f}" y="{zero:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{ARRESTED}"><title>{label}: {row.arrested} arrested</title></rect>'
            )
        if points:
            points.append(f"{x:.1f},{last_y:.1f}")  # held stays level until the next period
        last_y = zero - row.held_at_end * scale
        points.append(f"{x:.1f},{last_y:.1f}")
    points.append(f"{WIDTH - PAD:.1f},{last_y:.1f}")
    parts.append(
        f'<polyline points="{" ".join(points)}" fill="none" stroke="{HELD}" stroke-width="2"/>'
    )
    # Ticks at the start of each year (or each month when the span is short).
    years = range(int(first // 12), int(last // 12) + 1)
    ticks = [(y * 12.0, str(y)) for y in years] if span > 18 else []
    if not ticks:
        ticks = [(p, r.period[:7]) for p, r in zip(where, rows, strict=True)][
            :: max(1, len(rows) // 8)
        ]
    for position, text in ticks:
        if position < first - 0.01 or position > last:
            continue
        x = _x(position, first, span, inner_w)
        parts.append(
            f'<line x1="{x:.1f}" y1="{HEIGHT - PAD - 10}" x2="{x:.1f}" y2="{HEIGHT - PAD - 4}" '
            'stroke="#666"/>'
            f'<text x="{x:.1f}" y="{HEIGHT - PAD + 8}" font-size="11" text-anchor="middle" '
            f'fill="#333">{escape(text)}</text>'
        )
    parts.append(
        f'<text x="{WIDTH / 2:.0f}" y="{HEIGHT - 6}" font-size="12" text-anchor="middle" '
        f'fill="#333" class="axis-label">time ({"day" if daily else "month"} of the event)</text>'
    )
    parts.append(
        f'<text x="12" y="{zero:.0f}" font-size="12" fill="#333" class="axis-label" '
        f'transform="rotate(-90 12 {zero:.0f})" text-anchor="middle">people</text>'
    )
    legend = ((RELEASED, "released"), (ARRESTED, "arrested (below the line)"), (HELD, "held"))
    for index, (colour, text) in enumerate(legend):
        x = PAD + index * 200
        parts.append(f'<rect x="{x}" y="8" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{x + 18}" y="19" font-size="12" fill="#333">{text}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
