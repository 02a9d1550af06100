"""The household page: the same facts as the pediatrician report, with each child's chart, as one
read-only HTML page. No JavaScript, no third-party scripts, fonts or images: inline CSS, and charts
served from our own route under the same token. Jinja2 escapes everything the family typed."""
from __future__ import annotations

from datetime import date

from jinja2 import Environment

from reports.facts import DRI_SOURCE, ChildReport, allergen_name

CSP = ("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; "
       "frame-ancestors 'none'")
_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{ title }}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:16px;color:#1f2d33;
background:#fff;font-size:17px;line-height:1.45;max-width:760px}
h1{font-size:1.5em;margin:0 0 4px}h2{font-size:1.3em;margin:28px 0 4px;color:#14506b}
h3{font-size:1.05em;margin:18px 0 4px}.muted{color:#5b6b70;font-size:.9em}
img{width:100%;height:auto;border:1px solid #e3e8ea;border-radius:8px}
table{border-collapse:collapse;width:100%;font-size:.92em}th,td{text-align:left;padding:4px 6px;
border-bottom:1px solid #e3e8ea;vertical-align:top}.low{color:#b3541e;font-weight:600}ul{padding-left:20px}
</style></head><body>
<h1>{{ title }}</h1>
<p class="muted">Read-only, private to you. This link works until {{ expires }}. Made {{ today }}.
From what the family logged by text; amounts are estimates from the USDA SR28 food tables; not a diagnosis.</p>
{% for c in children %}
<section>
<h2>{{ c.name }}</h2>
<p>{% if c.birth_date %}Born {{ c.birth_date.strftime('%b %-d, %Y') }}, {% endif %}age {{ c.age_text }}.
{{ c.meal_count }} meal{{ '' if c.meal_count == 1 else 's' }} logged in the last {{ c.days }} days.</p>
<img src="{{ chart_urls[c.child_id] }}" alt="Chart of {{ c.name }}'s last {{ c.days }} days: meals per day, food groups, iron, calcium and vitamin D, allergens" width="720" height="1100">
<h3>Allergies and reactions</h3>
<p>Allergies: {{ c.allergies|join(', ') if c.allergies else 'none reported' }}.</p>
{% if c.reactions %}<ul>{% for food, symptoms, when, cleared in c.reactions %}
<li>{{ symptoms }} after {{ food }} ({{ when.strftime('%b %-d') }}){{ ', since cleared' if cleared }}</li>{% endfor %}</ul>
{% else %}<p>Reactions after foods: none reported.</p>{% endif %}
<h3>Allergens: first and last eaten</h3>
{% if c.allergens %}<table><tr><th>Allergen</th><th>First</th><th>Last</th><th>Meals</th><th>Reaction</th></tr>
{% for a in c.allergens %}<tr><td>{{ allergen_name(a.allergen) }}</td>
<td>{{ a.first.strftime('%b %-d') if a.times else '-' }}</td><td>{{ a.last.strftime('%b %-d') if a.times else '-' }}</td>
<td>{{ a.times }}</td><td>{{ a.reaction or 'none reported' }}</td></tr>{% endfor %}</table>
{% else %}<p>No major allergen logged yet.</p>{% endif %}
<h3>Foods tried</h3>
{% for group, foods in c.foods_by_group.items() %}<p><strong>{{ group|title }} ({{ foods|length }}):</strong>
{% for name, when in foods %}{{ name }}{{ ', ' if not loop.last }}{% endfor %}</p>{% else %}<p>No foods logged yet.</p>{% endfor %}
<h3>A typical day</h3>
{% if c.typical_day %}<ul>{% for meal, days, foods in c.typical_day %}<li>{{ meal|title }}: {{ days }} of
{{ c.days_logged }} days; most often {{ foods|join(', ') }}</li>{% endfor %}</ul>{% else %}<p>No meals logged lately.</p>{% endif %}
<h3>Nutrients a day, against the reference for age</h3>
{% if c.nutrients %}<table><tr><th>Nutrient</th><th>Average</th><th>Reference</th><th>Share</th></tr>
{% for n in c.nutrients %}<tr><td>{{ n.label }}</td><td>{{ '%.1f'|format(n.per_day) }} {{ n.unit }}</td>
<td>{{ '%g'|format(n.reference) }} {{ n.unit }}</td><td class="{{ 'low' if n.share < 1 }}">{{ (100 * n.share)|round|int }}%</td></tr>{% endfor %}</table>
<p class="muted">Reference: {{ dri_source }}.</p>{% else %}<p>Nothing logged lately.</p>{% endif %}
{% if c.questions %}<h3>Questions asked lately</h3><ul>{% for when, text in c.questions %}
<li>{{ when.strftime('%b %-d') }}: {{ text }}</li>{% endfor %}</ul>{% endif %}
</section>
{% endfor %}
<p class="muted">Text "revoke link" to TinyTummy to turn this page off.</p>
</body></html>
"""
_env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
_template = _env.from_string(_TEMPLATE, globals={"allergen_name": allergen_name, "dri_source": DRI_SOURCE})


def render_page(title: str, children: list[ChildReport], chart_urls: dict[int, str], today: date,
                expires: str) -> str:
    """The page as HTML."""
    return _template.render(title=title, children=children, chart_urls=chart_urls, today=f"{today:%b %-d, %Y}",
                            expires=expires)
