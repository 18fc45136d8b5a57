"""Running saved queries on Oxigraph: values arrive as substitutions, never as text.

grlc splices parameter values into the query text and so needs the parameters out of the projection
(`SELECT <iri>` is not SPARQL); Oxigraph substitutes only variables the query projects. The files are
written for grlc, and substitutable_text() adds the parameter variables where Oxigraph wants them.
"""

import functools
import re

import pyoxigraph as ox

from atkg.graph.store import EmbeddedStore

SELECT_CLAUSE = re.compile(r"^SELECT\s+(?:DISTINCT\s+|REDUCED\s+)?", re.MULTILINE)
GROUP_BY_CLAUSE = re.compile(r"^GROUP BY\s+", re.MULTILINE)


def substitutable_text(query):
    """The query text with its parameter variables added to the outer SELECT (and GROUP BY).

    Only the query's own variable names enter the text, never a value.
    """
    return _with_variables(query.text, tuple(parameter.variable for parameter in query.parameters))


@functools.lru_cache(maxsize=256)
def _with_variables(text, variables):
    """`text` with `variables` projected; cached, since every request of a saved query asks for the same."""
    if not variables:
        return text
    names = " ".join(f"?{variable}" for variable in variables)
    # The outer query's solution modifiers (GROUP BY, ORDER BY) follow the last closing brace.
    body, _, modifiers = text.rpartition("}")
    body = SELECT_CLAUSE.sub(lambda match: f"{match.group(0)}{names} ", body, count=1)
    modifiers = GROUP_BY_CLAUSE.sub(lambda match: f"{match.group(0)}{names} ", modifiers, count=1)
    return f"{body}}}{modifiers}"


def select(store, text, substitutions=None):
    """Run `text` over the union of the named graphs with the given substitutions."""
    if isinstance(store, EmbeddedStore):
        return store.query(text, union_default_graph=True, substitutions=substitutions)
    return oxigraph_store(store).query(text, use_default_graph_as_union=True, substitutions=substitutions or None)


def oxigraph_store(store):
    """A pyoxigraph Store as it is: substitutions are an Oxigraph feature, not a protocol one."""
    if isinstance(store, ox.Store):
        return store
    raise TypeError("saved queries run on the embedded Oxigraph store (substitutions are an Oxigraph feature)")
