"""A readable view of a document record for people (``communique extract --pretty``)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .schema import Document, EntityRef


def _who(refs: list[EntityRef]) -> str:
    parts = []
    for r in refs:
        name = r.identifier_text or r.entity_text or "?"
        code = "".join(x for x in (r.code, r.sector) if x)
        parts.append(f"{name} [{code}]" if code else name)
    return " + ".join(parts) or "-"


def _explain_events(doc: Document, console: Console) -> None:
    """Why each event was coded: its sentence with the trigger marked, the rule, and each role."""
    actors = {a.id: a for a in doc.actors}
    console.rule("Why these events", style="dim")
    for n, e in enumerate(doc.events, 1):
        head = f"[bold]{n}. {'/'.join(e.event)}[/bold] {e.cameo or ''} {e.status}"
        if e.confidence:
            head += f" [dim](confidence {e.confidence:.2f})[/dim]"
        console.print(head)
        if e.text_info is not None:
            sent = Text(doc.text[e.text_info.start:e.text_info.end].replace("\n", " "))
            if e.trigger is not None and e.text_info.start <= e.trigger.start < e.trigger.end <= e.text_info.end:
                sent.stylize("bold reverse", e.trigger.start - e.text_info.start, e.trigger.end - e.text_info.start)
            console.print(Text("   sentence: ", style="dim") + sent)
        if e.reason:
            console.print(Text("   rule:     ", style="dim") + Text(e.reason))
        for role, refs in (("actor", e.actor), ("recipient", e.recipient)):
            for r in refs:
                a = actors.get(r.ref)
                how = a.resolution if a is not None and a.resolution else "not in the actors list"
                who = r.identifier_text or r.entity_text or "?"
                console.print(Text(f"   {role + ':':<10}", style="dim") + Text(f"{who} [{r.code or '-'}/{r.sector or '-'}] ")
                              + Text(how, style="dim"))


def render_pretty(doc: Document, *, explain: bool = False, console: Console | None = None) -> None:
    console = console or Console()
    head = doc.title or doc.id
    meta = " · ".join(x for x in (doc.published, doc.source, ", ".join(doc.agencies)) if x)
    console.rule(f"[bold]{head}[/bold]")
    if meta:
        console.print(meta, style="dim")

    if doc.events:
        t = Table(title="Events", show_lines=False, expand=True)
        for col in ("type", "cameo", "actor", "recipient", "date", "place", "status", "trigger"):
            t.add_column(col, overflow="fold")
        for e in doc.events:
            t.add_row(
                "/".join(e.event) + (f" ({', '.join(e.mode)})" if e.mode else ""), e.cameo or "",
                _who(e.actor), _who(e.recipient), e.date or "",
                (e.event_loc.resolved_place or e.event_loc.extracted_place) if e.event_loc else "",
                e.status, " ".join(e.event_text),
            )
        console.print(t)
        if explain:
            _explain_events(doc, console)
    if doc.quotes:
        t = Table(title="Quotes", expand=True)
        for col in ("speaker", "kind", "cue", "text"):
            t.add_column(col, overflow="fold")
        for q in doc.quotes:
            sp = q.speaker.identifier_text or q.speaker.entity_text if q.speaker else ""
            t.add_row(sp or "", q.kind, q.cue or "", q.text)
        console.print(t)
    if doc.actors:
        console.print("[bold]Actors:[/bold] " + "; ".join(
            f"{a.identifier_text or a.entity_text} [{a.code or '-'}/{a.sector or '-'}]" for a in doc.actors))
    if doc.times:
        console.print("[bold]Times:[/bold] " + "; ".join(f"{t.text} = {t.value}" for t in doc.times))
    if doc.places:
        console.print("[bold]Places:[/bold] " + "; ".join(
            f"{p.extracted_place} = {p.resolved_place or '?'} ({p.country_code or '-'})" for p in doc.places))
