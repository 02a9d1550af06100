"""The pediatrician report: a one- or two-page PDF of what the parent logged, written for a clinician.

fpdf2 (pure Python) with the DejaVu Sans that matplotlib ships, so any child's name or food prints.
It states facts the parent gave and numbers the food tables computed; the only guidelines it
states are named with their source.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from reports.facts import DRI_SOURCE, ChildReport, allergen_name

KEEP_GIVING = ("Once an allergen is tolerated, keeping it in the diet regularly (about 2 to 3 times a week) is "
               "advised (NIAID Guidelines for the Clinical Management of Food Allergy).")
NOT_A_DIAGNOSIS = ("Prepared by TinyTummy from what the parent logged by text message. Amounts are estimates "
                   "from the USDA SR28 food tables; nothing here is a diagnosis.")
MAX_FOODS = 14  # per group, so the report stays within two pages


def _font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


class _Report(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Sans", size=7)
        self.set_text_color(110)
        self.cell(0, 5, f"TinyTummy feeding log - page {self.page_no()} of {{nb}}", align="C")


def render_pdf(report: ChildReport, made_on: date) -> bytes:
    """The report as PDF bytes."""
    pdf = _Report(format="letter")
    pdf.set_auto_page_break(True, margin=15)
    pdf.set_margins(16, 14, 16)
    fonts = _font_dir()
    pdf.add_font("Sans", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("Sans", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    pdf.set_title(f"Feeding report: {report.name}")
    pdf.add_page()
    _header(pdf, report, made_on)
    _allergies(pdf, report)
    _allergen_log(pdf, report)
    _foods(pdf, report)
    _typical_day(pdf, report)
    _nutrients(pdf, report)
    _questions(pdf, report)
    return bytes(pdf.output())


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(2)
    pdf.set_font("Sans", "B", 11)
    pdf.set_text_color(20, 60, 110)
    pdf.cell(0, 7, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0)
    pdf.set_font("Sans", size=9)


def _line(pdf: FPDF, text: str, size: float = 9) -> None:
    pdf.set_font("Sans", size=size)
    pdf.multi_cell(0, 4.6, printable(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def printable(text: str) -> str:
    """The text without emoji and other characters outside the font's plane (parents type them)."""
    return "".join(ch for ch in text if ord(ch) <= 0xFFFF).replace("  ", " ")


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _when(day: date) -> str:
    return f"{day:%b %-d, %Y}"


def _header(pdf: FPDF, report: ChildReport, made_on: date) -> None:
    pdf.set_font("Sans", "B", 16)
    pdf.cell(0, 9, f"Feeding report: {report.name}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    who = f"Born {_when(report.birth_date)}, age" if report.birth_date else "Age"
    _line(pdf, f"{who} {report.age_text}. Period: {_when(report.first)} to {_when(report.last)} "
               f"({report.days} days); {_count(report.meal_count, 'meal')} logged on "
               f"{_count(report.days_logged, 'day')}. "
               f"Made {_when(made_on)}.", 10)
    pdf.set_text_color(90)
    _line(pdf, NOT_A_DIAGNOSIS, 8)
    pdf.set_text_color(0)


def _allergies(pdf: FPDF, report: ChildReport) -> None:
    _heading(pdf, "Allergies and reactions (as reported by the parent)")
    _line(pdf, "Allergies: " + (", ".join(report.allergies) if report.allergies else "none reported") + ".")
    if report.reactions:
        for food, symptoms, when, cleared in report.reactions:
            _line(pdf, f"Reaction: {symptoms} after {food} ({_when(when)})" + ("; since cleared." if cleared else "."))
    else:
        _line(pdf, "Reactions after foods: none reported.")
    if report.dislikes:
        _line(pdf, "Dislikes: " + ", ".join(report.dislikes) + ".")


def _table(pdf: FPDF, header: tuple[str, ...], rows: list[tuple[str, ...]], widths: tuple[int, ...]) -> None:
    pdf.set_font("Sans", size=8.5)
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=5, first_row_as_headings=True,
                   headings_style=_bold()) as table:
        for row in (header, *rows):
            cells = table.row()
            for value in row:
                cells.cell(printable(value))


def _bold():
    from fpdf.fonts import FontFace

    return FontFace(emphasis="BOLD", fill_color=(225, 235, 245))


def _allergen_log(pdf: FPDF, report: ChildReport) -> None:
    _heading(pdf, "Allergen introduction log (nine major allergens)")
    if not report.allergens:
        _line(pdf, "No major allergen logged yet.")
        return
    rows = [(allergen_name(a.allergen), _when(a.first) if a.times else "-", _when(a.last) if a.times else "-",
             str(a.times), a.reaction or "none reported") for a in report.allergens]
    _table(pdf, ("Allergen", "First eaten", "Last eaten", "Meals", "Reaction"), rows, (22, 22, 22, 10, 54))
    _line(pdf, KEEP_GIVING, 8)


def _foods(pdf: FPDF, report: ChildReport) -> None:
    total = sum(len(v) for v in report.foods_by_group.values())
    _heading(pdf, f"Foods tried, by group ({total} foods; date first logged)")
    if not total:
        _line(pdf, "No foods logged yet.")
    for group, foods in report.foods_by_group.items():
        shown = ", ".join(f"{name} ({day:%b %-d})" for name, day in foods[:MAX_FOODS])
        more = f", and {len(foods) - MAX_FOODS} more" if len(foods) > MAX_FOODS else ""
        _line(pdf, f"{group.title()} ({len(foods)}): {shown}{more}.")
    if report.new_foods:
        _line(pdf, f"New in this period: {len(report.new_foods)}.")


def _typical_day(pdf: FPDF, report: ChildReport) -> None:
    _heading(pdf, "Typical day in this period")
    if not report.typical_day:
        _line(pdf, "No meals logged in this period.")
    for meal, days, foods in report.typical_day:
        _line(pdf, f"{meal.title()}: on {days} of {_count(report.days_logged, 'logged day')}; most often "
                   f"{', '.join(foods) if foods else '-'}.")


def _nutrients(pdf: FPDF, report: ChildReport) -> None:
    _heading(pdf, "Nutrients: average per logged day against the reference intake for age")
    if not report.nutrients:
        _line(pdf, "Nothing logged in this period.")
        return
    rows = [(n.label, f"{n.per_day:.1f} {n.unit}", f"{n.reference:g} {n.unit}", f"{round(100 * n.share)}%",
             "below reference" if n.share < 1 else "") for n in report.nutrients]
    _table(pdf, ("Nutrient", "Average a day", "Reference", "Share", ""), rows, (28, 28, 28, 18, 28))
    _line(pdf, f"Reference: {DRI_SOURCE}. From food logged by text only: breast milk, formula and "
               f"supplements are not counted unless logged.", 8)


def _questions(pdf: FPDF, report: ChildReport) -> None:
    _heading(pdf, "Questions the parent asked lately")
    if not report.questions:
        _line(pdf, "None in this period.")
    for when, text in report.questions:
        _line(pdf, f"{when:%b %-d}: {text[:300]}")
