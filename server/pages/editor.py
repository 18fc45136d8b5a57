"""The query editor's examples: every saved query with its own example values written into the text, so
it runs as it stands at /sparql (the values are the queries' trusted examples, never a visitor's)."""

from functools import lru_cache

from atkg.ontology import sparql_prologue
from atkg.queries import load_queries
from atkg.server.pages.i18n import current_language

LITERALS = {"iri": "<{}>", "integer": '"{}"^^xsd:integer', "date": '"{}"^^xsd:date', "string": '"{}"'}
XSD_PREFIX = sparql_prologue("xsd")


def editor_examples(*, language=None):
    """[{name, summary, text}] of the saved queries, sorted by name, ready to run; the summaries (also the
    first line of each text) in `language`, by default the page's."""
    return list(_examples(language or current_language()))


@lru_cache(maxsize=2)
def _examples(language):
    return tuple({"name": query.name, "summary": query.texts_in(language).summary,
                  "text": example_text(query, language=language)}
                 for query in load_queries().values())


def example_text(query, *, language="en"):
    """The query's text with each parameter replaced by its example value (as grlc would run it), under a
    comment line giving its summary in `language`."""
    text = query.text
    for parameter in query.parameters:
        value = query.example.get(parameter.name)
        if value is not None:
            text = text.replace(f"?{parameter.variable}", LITERALS[parameter.type].format(value))
    if "^^xsd:" in text and "PREFIX xsd:" not in text:
        text = XSD_PREFIX + text
    return f"# {query.texts_in(language).summary}\n{text}"
