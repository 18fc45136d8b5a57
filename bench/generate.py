"""Scale the real graph by copying its instances under renamed IRIs, keeping its shape.

Copy k of an instance IRI `{base}{path}` is `{base}copy{k}/{path}`; the vocabulary ({base}ontology...),
the code lists ({base}code/...) and the graph names ({base}graph/...) are shared by all copies, so
every query that works on the real graph works on the scaled one and finds k times as much.

    python bench/generate.py var/dumps/atkg.nq 10 bench/data/atkg-10x.nq
"""

import sys
from pathlib import Path

import pyoxigraph as ox

DEFAULT_BASE = "https://w3id.org/atkg/"
SHARED = ("ontology", "code/", "graph/")


def rename(term, copy, *, base):
    """The term as it appears in copy number `copy` (copy 0 is the original)."""
    if copy == 0:
        return term
    if isinstance(term, ox.NamedNode):
        rest = term.value[len(base):] if term.value.startswith(base) else None
        if rest is None or rest.startswith(SHARED):
            return term
        return ox.NamedNode(f"{base}copy{copy}/{rest}")
    if isinstance(term, ox.BlankNode):
        return ox.BlankNode(f"{term.value}c{copy}")
    return term


def scaled_quads(quads, factor, *, base=DEFAULT_BASE):
    """Every quad once per copy, its instance IRIs and blank nodes renamed."""
    for copy in range(factor):
        for quad in quads:
            yield ox.Quad(rename(quad.subject, copy, base=base), quad.predicate,
                          rename(quad.object, copy, base=base), quad.graph_name)


def generate(source, factor, target, *, base=DEFAULT_BASE):
    """Write the graph in `source` (N-Quads) scaled `factor` times to `target`; return the quad count."""
    quads = list(ox.parse(path=str(source), format=ox.RdfFormat.N_QUADS))
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with open(target, "wb") as stream:
        for quad in scaled_quads(quads, factor, base=base):
            stream.write(f"{quad} .\n".encode())
            count += 1
    return count


if __name__ == "__main__":
    source, factor, target = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    print(f"{generate(source, factor, target)} quads written to {target}")
