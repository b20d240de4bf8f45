"""`pressroom chart`: an indicator's series over time, as a PNG or a self-contained HTML page."""

from __future__ import annotations

import base64
import html
import io
from collections import Counter
from pathlib import Path
from typing import Any

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
             "SimHei", "Microsoft YaHei", "AR PL UMing CN")


def _cjk_font() -> str | None:
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    return next((n for n in CJK_FONTS if n in names), None)


def pick_series(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], str, str | None]:
    """The points of the (unit, basis) the indicator is most often reported in, one per period
    (the first fact where values conflict), in period order; returns (points, unit, basis)."""
    if not rows:
        return [], "", None
    counts = Counter((r["unit"], r["basis"]) for r in rows)
    # the most reported; among equals a growth rate on a year-on-year basis
    unit, basis = max(counts, key=lambda k: (counts[k], k[0] == "pct", k[1] == "yoy"))
    points: dict[str, dict[str, Any]] = {}
    for r in rows:
        if (r["unit"], r["basis"]) == (unit, basis) and r["period"] and r["period"] not in points:
            signed = -r["value_base"] if r["direction"] == "down" else r["value_base"]
            points[r["period"]] = {**r, "value": signed}
    return [points[k] for k in sorted(points)], unit, basis


def draw(indicator: str, rows: list[dict[str, Any]], out: Path) -> dict[str, Any]:
    """Draw the series to `out` (.png or .html); returns what was drawn (points, unit, basis)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    points, unit, basis = pick_series(rows)
    if not points:
        raise ValueError(f"no facts for indicator {indicator!r}")
    font = _cjk_font()
    if font:
        plt.rcParams["font.sans-serif"] = [font]
    title = indicator if font else f"{unit}{', ' + basis if basis else ''}"  # no CJK font here: no tofu boxes
    fig, ax = plt.subplots(figsize=(8, 4), dpi=100)
    xs = [p["period"] for p in points]
    ys = [p["value"] for p in points]
    ax.plot(range(len(xs)), ys, marker="o")
    ax.set_xticks(range(len(xs)), xs, rotation=45, ha="right", fontsize=8)
    ax.set_title(title)
    ax.set_ylabel(f"{unit} ({basis})" if basis else unit)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    png = buf.getvalue()
    if out.suffix.lower() == ".html":
        table = "".join(f"<tr><td>{html.escape(p['period'])}</td><td>{p['value']:g}</td><td>{'conflict' if p['conflict'] else ''}</td></tr>"
                        for p in points)
        out.write_text(
            f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(indicator)}</title></head><body>"
            f"<h1>{html.escape(indicator)}</h1><p>{html.escape(unit)} {html.escape(basis or '')}</p>"
            f"<img alt='{html.escape(indicator)}' src='data:image/png;base64,{base64.b64encode(png).decode()}'>"
            f"<table><tr><th>period</th><th>value</th><th></th></tr>{table}</table></body></html>", "utf-8")
    else:
        out.write_bytes(png)
    return {"points": [(p["period"], p["value"]) for p in points], "unit": unit, "basis": basis, "cjk_font": font}
