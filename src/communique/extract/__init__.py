"""Stage *extract*: what happened, who, when, where, and who said what, from a ``ParsedDoc``.

Run order (each may read what the earlier ones produced): times, places, actors, quotes, events.
"""

STAGES = ("times", "places", "actors", "quotes", "events")
"""The extract stages in run order."""
