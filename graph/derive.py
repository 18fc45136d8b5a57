"""The graphs worked out from the others, in one step: the pairs of bodies sharing measures, the text each
report entry repeats from the year before, and OWL RL's inferences.

The build runs it on the graphs it made; ingest runs it on the store's graphs with the new report. Both
get the same graphs from the same graphs, so an ingested report is indistinguishable from the same report
built. OWL RL sees the pairs and the text reuse the steps before it made. A new report changes the text
reuse of its own entries only, but the comparison is cheap, so it is made anew too.
"""

from dataclasses import dataclass, field
from functools import cached_property

from atkg.graph import dataset, iris, shared, text_reuse
from atkg.graph.reasoning import owl_rl_inferences
from atkg.graph.timing import Steps
from atkg.ontology import ATKG


@dataclass(frozen=True)
class Derived:
    """The worked-out graphs (graph IRI -> rdflib Graph), and the graphs they were worked out from."""

    graphs: dict
    given: dict = field(repr=False)

    @cached_property
    def quads(self):
        """Every quad of the dataset the worked-out graphs complete, sorted as the dumps write them (made on
        first use: the build writes them, an ingest does not need them)."""
        return dataset.to_quads({**self.given, **self.graphs})


def derive(graphs, *, base, steps=None):
    """The worked-out graphs of `graphs` (graph IRI -> rdflib Graph; worked-out ones among them are left out
    and made anew). `steps` times each part, as the build prints them."""
    steps = steps or Steps(lambda line: None)
    given = {name: graph for name, graph in graphs.items() if not iris.is_derived(name)}
    with steps.step("shared responsibilities") as record:
        pairs = shared.shared_responsibility_graph(shared.links_in_graphs(given.values()), base=base)
        record.detail = f"{len(set(pairs.subjects()))} pairs of bodies sharing measures"
    with steps.step("text reuse since the year before") as record:
        reuse = text_reuse.text_reuse_graph(given.values())
        record.detail = f"{len(set(reuse.subjects(ATKG.previousEntry)))} entries compared"
    with steps.step("OWL RL inferences (reasonable)") as record:
        inferred = owl_rl_inferences([*given.values(), pairs, reuse])
        record.detail = f"{len(inferred)} inferred triples"
    made = {shared.graph_iri(base=base): pairs, text_reuse.graph_iri(base=base): reuse,
            iris.graph_iri(iris.INFERRED_GRAPH, base=base): inferred}
    return Derived(graphs=made, given=given)
