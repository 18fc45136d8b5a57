"""The benchmark's graph scaler: instances copied under renamed IRIs, vocabulary and graphs shared."""

import importlib.util
from pathlib import Path

import pyoxigraph as ox

GENERATE = Path(__file__).resolve().parents[2] / "bench" / "generate.py"
SOURCE = """\
<https://w3id.org/atkg/plan/nap> <https://w3id.org/atkg/ontology#hasMeasure> <https://w3id.org/atkg/measure/1> <https://w3id.org/atkg/graph/plan> .
<https://w3id.org/atkg/measure/1> <https://w3id.org/atkg/ontology#periodType> <https://w3id.org/atkg/code/period-type/years> <https://w3id.org/atkg/graph/plan> .
<https://w3id.org/atkg/measure/1> <http://www.w3.org/2000/01/rdf-schema#label> "Tədbir"@az <https://w3id.org/atkg/graph/plan> .
<https://w3id.org/atkg/ontology#Measure> <http://www.w3.org/2000/01/rdf-schema#label> "Measure"@en <https://w3id.org/atkg/graph/ontology> .
_:b1 <http://www.w3.org/2000/01/rdf-schema#comment> "blank" <https://w3id.org/atkg/graph/plan> .
"""


def load_generate():
    """bench/generate.py as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location("bench_generate", GENERATE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_scaling_copies_instances_and_shares_vocabulary_code_lists_and_graphs(tmp_path):
    source, target = tmp_path / "in.nq", tmp_path / "out.nq"
    source.write_text(SOURCE, encoding="utf-8")
    assert load_generate().generate(source, 3, target) == 15
    store = ox.Store()
    store.load(path=str(target), format=ox.RdfFormat.N_QUADS)
    assert len(store) == 13  # the vocabulary triple is the same in all three copies
    subjects = sorted({quad.subject.value for quad in store if isinstance(quad.subject, ox.NamedNode)})
    assert subjects == ["https://w3id.org/atkg/copy1/measure/1", "https://w3id.org/atkg/copy1/plan/nap",
                        "https://w3id.org/atkg/copy2/measure/1", "https://w3id.org/atkg/copy2/plan/nap",
                        "https://w3id.org/atkg/measure/1", "https://w3id.org/atkg/ontology#Measure",
                        "https://w3id.org/atkg/plan/nap"]
    assert {quad.graph_name.value for quad in store} == {"https://w3id.org/atkg/graph/plan",
                                                         "https://w3id.org/atkg/graph/ontology"}
    objects = {quad.object.value for quad in store if quad.predicate.value.endswith("#periodType")}
    assert objects == {"https://w3id.org/atkg/code/period-type/years"}
