"""A child's last 7 or 30 days as one PNG, readable on a phone held in one hand.

matplotlib's object API with the Agg canvas (no pyplot, no display, safe in threads): large type,
two colours and a grey, a title that says what it shows. Four panels: meals per day, food groups,
iron / calcium / vitamin D against the age reference, and allergens eaten with when last.
"""
from __future__ import annotations

import io

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from reports.facts import CHART_NUTRIENTS, ChildReport, allergen_name

MAIN, LOW, GREY, INK = "#2a7f8f", "#e07b39", "#b8c4c8", "#1f2d33"
SIZE_IN, DPI = (7.2, 11.0), 100  # 720 x 1100 px: a phone screen's shape, small enough for MMS


def render_chart_png(report: ChildReport) -> bytes:
    """The chart as PNG bytes."""
    figure = Figure(figsize=SIZE_IN, dpi=DPI, facecolor="white")
    FigureCanvasAgg(figure)
    figure.suptitle(f"{report.name}: last {report.days} days", fontsize=24, fontweight="bold", color=INK, y=0.985)
    grid = figure.add_gridspec(4, 1, height_ratios=(1.15, 1.0, 0.9, 0.9), hspace=0.75,
                               left=0.2, right=0.95, top=0.9, bottom=0.04)
    _meals_per_day(figure.add_subplot(grid[0]), report)
    _groups(figure.add_subplot(grid[1]), report)
    _nutrients(figure.add_subplot(grid[2]), report)
    _allergens(figure.add_subplot(grid[3]), report)
    out = io.BytesIO()
    # zlib level 2: the default 6 took a quarter of the render for a file only a few percent smaller
    figure.savefig(out, format="png", dpi=DPI, pil_kwargs={"compress_level": 2})
    return out.getvalue()


def _style(ax, title: str) -> None:
    """A panel with a left-aligned title and no ticks: labels are drawn as plain text (ticks and
    axes titles cost most of a render in matplotlib)."""
    ax.text(0, 1.08, title, transform=ax.transAxes, fontsize=17, color=INK, va="bottom")
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(GREY)


def _labels(ax, names: list[str]) -> None:
    """Category names left of horizontal bars."""
    for y, name in enumerate(names):
        ax.text(-0.02, y, name, transform=ax.get_yaxis_transform(), ha="right", va="center", fontsize=14, color=INK)


def _meals_per_day(ax, report: ChildReport) -> None:
    days = [d for d, _ in report.meals_per_day]
    counts = [n for _, n in report.meals_per_day]
    ax.bar(range(len(days)), counts, color=[MAIN if n else GREY for n in counts], width=0.7)
    _style(ax, f"Meals logged each day ({report.meal_count} in all)")
    top = max(counts + [3])
    ax.set_ylim(0, top * 1.2)
    ax.set_xlim(-0.6, len(days) - 0.4)
    short = len(days) <= 7
    for x in range(0, len(days), 1 if short else 7):
        ax.text(x, -0.06, f"{days[x]:%a}" if short else f"{days[x]:%b %-d}", transform=ax.get_xaxis_transform(),
                ha="center", va="top", fontsize=14, color=INK)
        if short:
            ax.text(x, counts[x] + top * 0.03, str(counts[x]), ha="center", va="bottom", fontsize=14, color=INK)


def _groups(ax, report: ChildReport) -> None:
    names = list(report.groups)[::-1]
    counts = [report.groups[g] for g in names]
    ax.barh(range(len(names)), counts, color=[MAIN if n else GREY for n in counts], height=0.65)
    _labels(ax, names)
    for y, n in enumerate(counts):
        ax.text(n + 0.1, y, str(n) if n else "none yet", va="center", fontsize=14, color=INK)
    new = len(report.new_foods)
    _style(ax, f"Foods by group ({new} new food{'s' if new != 1 else ''})")
    ax.set_xlim(0, max(counts + [1]) * 1.35)
    ax.set_ylim(-0.6, len(names) - 0.4)


def _nutrients(ax, report: ChildReport) -> None:
    lines = [n for key in CHART_NUTRIENTS if (n := report.nutrient(key)) is not None][::-1]
    shares = [min(1.5, n.share) * 100 for n in lines]
    ax.barh(range(len(lines)), shares, color=[MAIN if s >= 100 else LOW for s in shares], height=0.6)
    _labels(ax, [n.label for n in lines])
    ax.axvline(100, color=INK, linewidth=1.5, linestyle="--")
    ax.text(100, -0.08, "daily need", transform=ax.get_xaxis_transform(), ha="center", va="top", fontsize=13,
            color=INK)
    for y, (n, s) in enumerate(zip(lines, shares)):
        ax.text(s + 2, y, f"{round(100 * n.share)}%", va="center", fontsize=14, color=INK)
    _style(ax, "Share of daily need (days with meals)")
    ax.set_xlim(0, 175)
    ax.set_ylim(-0.6, max(len(lines), 1) - 0.4)
    if not lines:
        ax.text(0.5, 0.5, "No meals logged yet", transform=ax.transAxes, ha="center", fontsize=15, color=INK)


def _allergens(ax, report: ChildReport) -> None:
    eaten = [a for a in report.allergens if a.times]
    _style(ax, "Allergens eaten, and when last")
    ax.axis("off")
    if not eaten:
        ax.text(0, 0.5, "None of the nine major allergens yet", fontsize=15, color=INK, transform=ax.transAxes)
        return
    shown = sorted(eaten, key=lambda a: a.last, reverse=True)[:5]
    for row, line in enumerate(shown):
        days_ago = (report.last - line.last).days
        when = "today" if days_ago == 0 else "yesterday" if days_ago == 1 else f"{days_ago} days ago"
        flag = " - reaction reported" if line.reaction else ""
        ax.text(0, 1 - row * 0.24, f"{allergen_name(line.allergen)}: {when} ({line.times}x){flag}", fontsize=15,
                color=LOW if line.reaction else INK, transform=ax.transAxes, va="top")
