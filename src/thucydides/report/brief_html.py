"""The brief as one self-contained HTML file that opens offline.

Styles are inline, charts are embedded as base64 PNG, and the only links are to the file's own
footnotes: no script, font, stylesheet or image is fetched, and a source's URL is printed as
text, not linked, so opening the brief contacts no one.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from html import escape

from thucydides.report.brief_md import METHOD
from thucydides.report.brief_model import Brief, Footnote, Quote, Statement
from thucydides.report.charts import Chart

_STYLE = """
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; max-width: 54rem; margin: 2rem auto;
       padding: 0 1rem; color: #1d1d1d; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid #ccc; margin-top: 2rem; }
.method { color: #555; font-style: italic; }
table { border-collapse: collapse; margin: 1rem 0; }
td, th { border: 1px solid #ccc; padding: .2rem .6rem; } td.n { text-align: right; }
figure { margin: 1rem 0; } figure img { max-width: 100%; }
figcaption, .note { color: #555; font-size: .85rem; }
sup a { text-decoration: none; } .notes { font-size: .85rem; }
.notes blockquote { margin: .2rem 0 .4rem 1rem; color: #333; }
code { font-size: .8rem; word-break: break-all; }
"""


def render_html(brief: Brief, *, charts: Sequence[Chart] = (), chart_notes: Sequence[str] = ()) -> str:
    """The whole HTML document."""
    title = f"Situation report: {brief.scope}"
    body = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="method">{escape(METHOD)}</p>',
        "<h2>Headline figures</h2>",
        "<p>" + " ".join(_statement(s) for s in brief.summary) + "</p>",
    ]
    if brief.by_type:
        body.append("<table><tr><th>event type</th><th>incidents</th><th>event records</th></tr>")
        body += [
            f'<tr><td>{escape(t.event_type)}</td><td class="n">{t.incidents}</td>'
            f'<td class="n">{t.events}</td></tr>'
            for t in brief.by_type
        ]
        body.append("</table>")
    if charts or chart_notes:
        body.append("<h2>Charts and map</h2>")
        for chart in charts:
            data = base64.b64encode(chart.png).decode("ascii")
            body.append(
                f'<figure><img alt="{escape(chart.title)}" src="data:image/png;base64,{data}">'
                f"<figcaption>{escape(chart.title)}</figcaption></figure>"
            )
        body += [f'<p class="note">{escape(note)}</p>' for note in chart_notes]
    for section in brief.sections:
        body.append(f"<h2>{escape(section.title)}</h2>")
        body += [
            f'<p id="{escape(p.incident_id)}">' + " ".join(_statement(s) for s in p.statements) + "</p>"
            for p in section.paragraphs
        ]
    body.append("<h2>Changes of control</h2>")
    if brief.control:
        body.append("<ul>" + "".join(f"<li>{_statement(s)}</li>" for s in brief.control) + "</ul>")
    else:
        body.append("<p>No change of control is recorded in these days.</p>")
    body.append('<h2>Notes</h2><ol class="notes">')
    body += [_footnote(note) for note in brief.footnotes]
    body.append("</ol>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def _statement(statement: Statement) -> str:
    marks = "".join(f'<sup><a href="#note-{n}">[{n}]</a></sup>' for n in statement.notes)
    return f'<span class="s">{escape(statement.text)}{marks}</span>'


def _footnote(note: Footnote) -> str:
    parts = [f"<p>{escape(note.remark)}</p>"] if note.remark else []
    parts += [_quote(q) for q in note.quotes]
    return f'<li id="note-{note.number}">' + "".join(parts) + "</li>"


def _quote(quote: Quote) -> str:
    who = f"<strong>{escape(quote.outlet)}</strong>"
    if quote.claimed_by:
        who += f", citing {escape(quote.claimed_by)}"
    where = f"document <code>{escape(quote.document_id)}</code>"
    if quote.copy_of:
        where += f", a republication of <code>{escape(quote.copy_of)}</code>"
    if quote.url:
        where += f", from <code>{escape(quote.url)}</code>"  # printed, not linked: the file stays offline
    said = "".join(f"<blockquote>{escape(' '.join(text.split()))}</blockquote>" for text in quote.evidence)
    return f"<p>{who} ({where}){':' if said else ': evidence sentence not at hand.'}</p>{said}"
