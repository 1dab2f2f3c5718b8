"""Stage *actors* (placeholder interface: being built)."""
from __future__ import annotations

from ...nlp import ParsedDoc
from ...schema import Actor


class ActorKB:
    pass


def load_actor_kb() -> ActorKB:
    return ActorKB()


def extract_actors(parsed: ParsedDoc, *, kb: ActorKB) -> list[Actor]:
    return []
