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
    figure.savefig(out, format="png", dpi=DPI)
    return out.getvalue()


def _style(ax, title: str) -> None:
    ax.set_title(title, fontsize=17, loc="left", color=INK, pad=10)
    ax.tick_params(labelsize=14, colors=INK, length=0, pad=6)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(GREY)


def _meals_per_day(ax, report: ChildReport) -> None:
    days = [d for d, _ in report.meals_per_day]
    counts = [n for _, n in report.meals_per_day]
    ax.bar(range(len(days)), counts, color=[MAIN if n else GREY for n in counts], width=0.7)
    _style(ax, f"Meals logged each day ({report.meal_count} in all)")
    step = 1 if len(days) <= 7 else 7
    ticks = list(range(0, len(days), step))
    ax.set_xticks(ticks, [f"{days[i]:%a}" if step == 1 else f"{days[i]:%b %-d}" for i in ticks])
    ax.set_yticks(range(0, max(counts + [3]) + 1, 2 if max(counts + [3]) > 6 else 1))
    ax.set_xlim(-0.6, len(days) - 0.4)


def _groups(ax, report: ChildReport) -> None:
    names = list(report.groups)[::-1]
    counts = [report.groups[g] for g in names]
    ax.barh(names, counts, color=[MAIN if n else GREY for n in counts], height=0.65)
    for y, n in enumerate(counts):
        ax.text(n + 0.1, y, str(n) if n else "none yet", va="center", fontsize=14, color=INK)
    new = len(report.new_foods)
    _style(ax, f"Foods by group ({new} new food{'s' if new != 1 else ''})")
    ax.set_xticks([])
    ax.set_xlim(0, max(counts + [1]) * 1.35)


def _nutrients(ax, report: ChildReport) -> None:
    lines = [n for key in CHART_NUTRIENTS if (n := report.nutrient(key)) is not None][::-1]
    shares = [min(1.5, n.share) * 100 for n in lines]
    ax.barh([n.label for n in lines], shares, color=[MAIN if s >= 100 else LOW for s in shares], height=0.6)
    ax.axvline(100, color=INK, linewidth=1.5, linestyle="--")
    for y, (n, s) in enumerate(zip(lines, shares)):
        ax.text(s + 2, y, f"{round(100 * n.share)}%", va="center", fontsize=14, color=INK)
    _style(ax, "Share of daily need (days with meals)")
    ax.set_xticks([0, 50, 100], ["0", "50%", "100%"])
    ax.set_xlim(0, 175)
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
