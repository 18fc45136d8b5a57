"""An rdflib Graph that parses each distinct SPARQL text once: pySHACL sends a SHACL-SPARQL constraint's
query text again for every focus node, and parsing it costs more than running it.

The parsed queries are pickled with the graph, so the check context's ready form (atkg.check) holds them
and a new process does not parse them again (0.3 s of a check here).
"""

import copyreg
import pickle
import types
from collections import OrderedDict

from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.operators import TrueFilter
from rdflib.plugins.sparql.parserutils import CompValue, Expr


class PreparedQueryGraph(Graph):
    """A Graph whose query() reuses the parsed form of a query text it has seen before."""

    def __init__(self, store="default", identifier=None, *, parsed=None):
        """`parsed`: the dictionary of parsed queries to use (one shared by several graphs), else a new one."""
        super().__init__(store=store, identifier=identifier)
        self._parsed = {} if parsed is None else parsed

    def __reduce__(self):
        # rdflib's Graph pickles as a plain Graph: keep the class and the parsed queries.
        return PreparedQueryGraph, (self.store, self.identifier), {"_parsed": {
            text: parsed for text, parsed in self._parsed.items() if _picklable(parsed)}}

    def query(self, query_object, processor="sparql", result="sparql", initNs=None,  # noqa: N803
              initBindings=None, use_store_provided=True):  # noqa: N803
        """rdflib's Graph.query, with plain query texts (no initNs) parsed once per graph."""
        if isinstance(query_object, str) and not initNs:
            key = _with_prefixes_sorted(query_object)
            parsed = self._parsed.get(key)
            if parsed is None:
                parsed = self._parsed[key] = prepareQuery(query_object)
            query_object = parsed
        return super().query(query_object, processor, result, initNs, initBindings, use_store_provided)


def _with_prefixes_sorted(text):
    """The text with its leading PREFIX lines in order: pySHACL writes them from a set, in another order in
    every process (string hashes are salted), and the order does not change the query."""
    lines = text.split("\n")
    count = next((index for index, line in enumerate(lines) if not line.startswith("PREFIX ")), len(lines))
    return "\n".join(sorted(lines[:count]) + lines[count:])


def _picklable(parsed):
    """False for a parsed query holding a lambda (rdflib writes a few operators so): parsed again on use."""
    try:
        pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, AttributeError, TypeError):
        return False
    return True


def _rebuilt(cls, items, attributes, evaluation):
    value = cls.__new__(cls)
    OrderedDict.__init__(value)
    value.__dict__.update(attributes)
    OrderedDict.update(value, items)
    if evaluation is not None:
        value._evalfn = types.MethodType(evaluation, value)  # noqa: SLF001 - as Expr.__init__ binds it
    return value


def _true_filter():
    return TrueFilter


def _reduced(value):
    if value is TrueFilter:  # rdflib's one Expr whose evaluation is a lambda: pickled by reference
        return _true_filter, ()
    attributes, evaluation = dict(value.__dict__), None
    if isinstance(attributes.get("_evalfn"), types.MethodType):
        evaluation = attributes.pop("_evalfn").__func__
    return _rebuilt, (type(value), list(OrderedDict.items(value)), attributes, evaluation)


# rdflib's parsed queries cannot be pickled as they are: CompValue's constructor needs its name, and an
# Expr's evaluation method is bound to the Expr itself, a cycle pickle cannot rebuild.
copyreg.pickle(CompValue, _reduced)
copyreg.pickle(Expr, _reduced)
