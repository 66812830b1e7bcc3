"""Hand-built mentions and events for the context-resolution tests (own wording)."""

from __future__ import annotations

from kroniek.records import Event, Mention


def mention(code: str, text: str, sector: str | None = "GOV", **values) -> Mention:
    """A mention of ``code`` on the words ``text``, found in the dictionary unless ``values`` say."""
    return Mention(code, sector, text, "text", (0, len(text)), 0, (1, 1), f"actor.{code}", **values)


def event(src: Mention, kind: str, tgt: Mention | None = None, cameo: str = "010") -> Event:
    """An asserted event of type ``kind`` from ``src`` to ``tgt`` (to "---" when None)."""
    return Event(
        src=src.code,
        src_sector=src.sector,
        src_text=src.text,
        tgt=tgt.code if tgt else "---",
        tgt_sector=tgt.sector if tgt else None,
        tgt_text=tgt.text if tgt else "",
        type=kind,
        mode=None,
        cameo=cameo,
        goldstein=0.0,
        quad_class=1,
        fact="asserted",
        sentence="",
        field="text",
        span=(0, 0),
        trigger="",
        rule="test",
    )
