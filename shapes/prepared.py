"""An rdflib Graph that parses each distinct SPARQL text once: pySHACL sends a SHACL-SPARQL constraint's
query text again for every focus node, and parsing it costs more than running it."""

from functools import lru_cache

from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery


class PreparedQueryGraph(Graph):
    """A Graph whose query() reuses the parsed form of a query text it has seen before."""

    def query(self, query_object, processor="sparql", result="sparql", initNs=None,  # noqa: N803
              initBindings=None, use_store_provided=True):  # noqa: N803
        """rdflib's Graph.query, with plain query texts (no initNs) parsed once per process."""
        if isinstance(query_object, str) and not initNs:
            query_object = _prepared(query_object)
        return super().query(query_object, processor, result, initNs, initBindings, use_store_provided)


@lru_cache(maxsize=256)
def _prepared(text):
    return prepareQuery(text)
