"""Rich renderings for the terminal: articles with chrome, claims with their parts marked.

Text is shown in logical order; the terminal does the bidi reordering (the review desk has
its own display modes). Every piece of stored text goes through ``plain``: it is never read as
Rich markup, and its control characters are shown rather than obeyed.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..analysis.text import counted, visible
from ..models import Article

CUE_STYLE = "bold yellow"
SPEAKER_STYLE = "bold cyan"
CONTENT_STYLE = "green"


def plain(value) -> Text:
    """Stored text for a table cell or title: literal (no markup) and with its controls made visible."""
    return Text(visible("" if value is None else str(value)))


def describe_article(article: Article) -> Group:
    ev = article.outlet_evidence
    if ev and ev.source == "signature":
        outlet = f"{article.outlet} (evidence: “{ev.text}” at offset {ev.start})"
    elif ev:
        outlet = f"{article.outlet} (from metadata)"
    else:
        outlet = "unknown (no evidence in the text or metadata)"
    head = Table.grid(padding=(0, 2))
    head.add_row("id", plain(article.id))
    head.add_row("name", plain(article.name))
    head.add_row("outlet", plain(outlet))
    head.add_row("published", plain(article.published or "—"))
    head.add_row("encoding", plain(article.encoding))
    parts = [head]
    for story in article.stories:
        date = f"{story.published} ({story.date_evidence.source}: {story.date_evidence.text})" if story.date_evidence else "—"
        body = plain(article.text[story.start : story.end].strip())
        for c in article.chrome:
            if story.start <= c.start < story.end:
                offset = story.start + (len(article.text[story.start : story.end]) - len(article.text[story.start : story.end].lstrip()))
                body.stylize("dim strike", c.start - offset, c.end - offset)
        parts.append(Panel(body, title=plain(f"story {story.index + 1}: {story.title or ''} [{story.start}–{story.end}] date {date}")))
    if article.chrome:
        chrome = Table("kind", "span", "text", title="chrome (kept, excluded from analysis)")
        for c in article.chrome:
            chrome.add_row(c.kind, f"{c.start}–{c.end}", plain(article.text[c.start : c.end][:80].replace("\n", " ⏎ ")))
        parts.append(chrome)
    return Group(*parts)


def marked_sentence(text: str, claim: dict) -> Text:
    """The claim's sentence with cue, speaker and content styled."""
    s0, s1 = claim["sentence"]
    out = plain(text[s0:s1])
    for key, style in (("content_span", CONTENT_STYLE), ("speaker_span", SPEAKER_STYLE), ("cue_span", CUE_STYLE)):
        span = claim.get(key)
        if span and span[0] is not None and s0 <= span[0] and span[1] <= s1:
            out.stylize(style, span[0] - s0, span[1] - s0)
    return out


def claim_table(claim: dict) -> Table:
    grid = Table.grid(padding=(0, 1))
    side = claim["side"] or "side unknown"
    grid.add_row("speaker", plain(f"{claim['speaker']}  [{side}]" + (f"  — {claim['role']}" if claim["role"] else "")))
    if claim["affiliation"]:
        grid.add_row("affiliation", plain(claim["affiliation"]))
    grid.add_row("cue", plain(f"{claim['cue']} ({claim['cue_lemma']}, {claim['cue_kind']})"
                              + ("  direct quote" if claim["direct"] else "") + ("  denial/negated" if claim["negated"] else "")))
    grid.add_row("content", plain(claim["content"]))
    extra = []
    if claim.get("addressee_outlet"):
        extra.append(f"told to {claim['addressee_outlet']}")
    if claim.get("relayed_by"):
        extra.append(f"relayed by {claim['relayed_by']}")
    if claim.get("reported"):
        extra.append(f"reports the words of {claim['reported']}")
    if claim.get("time_text"):
        extra.append(f"time “{claim['time_text']}” → {claim['time_resolved'] or 'unresolved'}")
    if extra:
        grid.add_row("", plain("; ".join(extra)))
    return grid


def render_claims(console, store, rows: Iterable[dict]) -> int:
    """Each claim in its sentence, as the rows come (only the article at hand is kept: rows come by article).
    Returns how many were shown."""
    article: Article | None = None
    shown = 0
    group = None
    for claim in rows:
        if article is None or article.id != claim["article_id"]:
            article = store.article(claim["article_id"])
        if claim.get("group") and claim["group"]["id"] != group:  # "claims --corroborated": a rule per group
            group = claim["group"]["id"]
            g = claim["group"]
            across = ", across sides" if g["across_sides"] else ""
            console.rule(plain(f"corroboration group {group[:10]} · {g['side'] or 'side unknown'} · "
                               f"{counted(len(g['members']), 'claim')}{across}"))
        title = f"{claim['id'][:10]} · {article.name} · {claim['outlet'] or 'outlet unknown'} · {claim['status']}"
        console.print(Panel(Group(marked_sentence(article.text, claim), claim_table(claim)), title=plain(title)))
        shown += 1
    console.print(counted(shown, "claim"))
    return shown


def render_conflicts(console, store, rows: list[dict]) -> None:
    texts: dict[str, Article] = {}

    def side_panel(claim: dict) -> Panel:
        if claim["article_id"] not in texts:
            texts[claim["article_id"]] = store.article(claim["article_id"])
        article = texts[claim["article_id"]]
        date = claim.get("event_date") or claim.get("time_resolved") or claim.get("story_date") or "date unknown"
        head = f"{claim['outlet'] or 'outlet unknown'} · {date} · {claim['speaker']} [{claim['side'] or '?'}]"
        name = plain(f"\n{article.name}")
        name.stylize("dim")
        return Panel(Group(marked_sentence(article.text, claim), name), title=plain(head))

    for conflict in rows:
        grid = Table.grid(expand=True, padding=(0, 1))
        grid.add_column(ratio=1)
        grid.add_column(ratio=1)
        grid.add_row(side_panel(conflict["a"]), side_panel(conflict["b"]))
        reason = plain(f"{conflict['reason_en']}\n{conflict['reason_ar']}")
        console.print(Panel(Group(reason, grid),
                            title=plain(f"{conflict['type']} · confidence {conflict['confidence']:.2f} · "
                                        f"{conflict['id'][:10]} · {conflict['status']}"
                                        + (" · withdrawn: no longer found" if conflict.get("withdrawn") else ""))))
    console.print(counted(len(rows), "conflict"))
