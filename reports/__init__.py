"""What parents take away from their log: a data export (zip of JSON and CSV), a pediatrician report
(PDF), charts (PNG) and the household page (HTML).

Each renderer is a pure function of rows read through `storage` (and the food and nutrient facts of
`knowledge`); none sees a request or a message. The web routes (`bot/private_files.py`) and the
render jobs (`jobs/reports.py`) call them; they may import storage, knowledge and the handlers'
pure helpers, never `bot/` or `jobs/`.
"""


def warm_up() -> None:
    """Import matplotlib and fpdf2 and render a sample chart and PDF once, so a process's first real
    one is as quick as the rest (fonts loaded, glyph caches filled): about 2 s cold here."""
    from datetime import date, timedelta

    from reports.charts import render_chart_png
    from reports.doctor_pdf import render_pdf
    from reports.facts import ChildReport

    today = date(2026, 1, 7)
    sample = ChildReport(0, "Sample", "1 year", date(2025, 1, 7), today - timedelta(days=6), today,
                         meals_per_day=[(today - timedelta(days=n), n % 3) for n in range(7)][::-1],
                         groups={"fruits": 1, "vegetables": 0, "grains": 2, "protein": 1, "dairy": 0})
    render_chart_png(sample)
    render_pdf(sample, today)
