"""The held-and-released chart as inline SVG, drawn on the server without JavaScript."""

from __future__ import annotations

from markupsafe import Markup, escape

from prisonwatch.web.schemas import PeriodRow

WIDTH, HEIGHT, PAD = 860, 300, 40
RELEASED, ARRESTED, HELD = "#2a9d8f", "#e76f51", "#264653"


def svg(rows: list[PeriodRow]) -> Markup:
    """Return released (up) and arrested (down) bars and the held line, one step per period."""
    if not rows:
        return Markup('<p class="muted">No dated events have been accepted yet.</p>')
    top = max([1, *(r.released for r in rows), *(r.held_at_end for r in rows)])
    bottom = max([0, *(r.arrested for r in rows)])
    inner_w, inner_h = WIDTH - 2 * PAD, HEIGHT - 2 * PAD
    scale = inner_h / (top + bottom)
    zero = PAD + top * scale
    step = inner_w / len(rows)
    bar = max(1.0, step * 0.7)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        'aria-label="People released, arrested and held over time" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<line x1="{PAD}" y1="{zero:.1f}" x2="{WIDTH - PAD}" y2="{zero:.1f}" stroke="#999"/>',
    ]
    points = []
    for index, row in enumerate(rows):
        x = PAD + index * step + (step - bar) / 2
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
        points.append(f"{x + bar / 2:.1f},{zero - row.held_at_end * scale:.1f}")
    parts.append(
        f'<polyline points="{" ".join(points)}" fill="none" stroke="{HELD}" stroke-width="2"/>'
    )
    ticks = max(1, len(rows) // 8)
    for index in range(0, len(rows), ticks):
        x = PAD + index * step + step / 2
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - 8}" font-size="11" text-anchor="middle" '
            f'fill="#333">{escape(rows[index].period)}</text>'
        )
    legend = ((RELEASED, "released"), (ARRESTED, "arrested (below the line)"), (HELD, "held"))
    for index, (colour, text) in enumerate(legend):
        x = PAD + index * 200
        parts.append(f'<rect x="{x}" y="8" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{x + 18}" y="19" font-size="12" fill="#333">{text}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
