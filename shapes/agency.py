"""Finding the reporting body in the curated registry from what a person or a title writes."""

from atkg.graph.agencies import find_mentions
from atkg.graph.text import fold


def body_for(written, registry):
    """The agency whose key, abbreviation or name `written` is (or that a title names); None if none."""
    wanted = fold(written)
    for body in registry.in_group("agency"):
        if wanted in {fold(body.key), fold(body.abbreviation or ""), fold(body.name_az)}:
            return body
    mentions = [registry[m.key] for m in find_mentions(written, registry=registry)]
    agencies = [body for body in mentions if body.group == "agency"]
    return agencies[0] if agencies else None
