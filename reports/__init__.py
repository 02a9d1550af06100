"""What parents take away from their log: a data export (zip of JSON and CSV), a pediatrician report
(PDF), charts (PNG) and the household page (HTML).

Each renderer is a pure function of rows read through `storage` (and the food and nutrient facts of
`knowledge`); none sees a request or a message. The web routes (`bot/private_files.py`) and the
render jobs (`jobs/reports.py`) call them; they may import storage, knowledge and the handlers'
pure helpers, never `bot/` or `jobs/`.
"""
