"""The query editor's examples: every saved query with its own example values written into the text, so
it runs as it stands at /sparql (the values are the queries' trusted examples, never a visitor's)."""

from functools import lru_cache

from atkg.queries import load_queries

LITERALS = {"iri": "<{}>", "integer": '"{}"^^xsd:integer', "date": '"{}"^^xsd:date', "string": '"{}"'}
XSD_PREFIX = "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"


def editor_examples():
    """[{name, summary, text}] of the saved queries, sorted by name, ready to run."""
    return list(_examples())


@lru_cache(maxsize=1)
def _examples():
    return tuple({"name": query.name, "summary": query.summary, "text": example_text(query)}
                 for query in load_queries().values())


def example_text(query):
    """The query's text with each parameter replaced by its example value (as grlc would run it)."""
    text = query.text
    for parameter in query.parameters:
        value = query.example.get(parameter.name)
        if value is not None:
            text = text.replace(f"?{parameter.variable}", LITERALS[parameter.type].format(value))
    if "^^xsd:" in text and "PREFIX xsd:" not in text:
        text = XSD_PREFIX + text
    return f"# {query.summary}\n{text}"
