"""Which files a worker reads as RDF, and in which format: Oxigraph's suffix table, plus .owl."""

import pyoxigraph as ox

from atkg.server.engine.sources import rdf_files, rdf_format


def test_suffixes_name_the_format_whatever_their_case(tmp_path):
    names = {"a.ttl": ox.RdfFormat.TURTLE, "b.NT": ox.RdfFormat.N_TRIPLES, "c.nq": ox.RdfFormat.N_QUADS,
             "d.trig": ox.RdfFormat.TRIG, "e.rdf": ox.RdfFormat.RDF_XML, "f.owl": ox.RdfFormat.RDF_XML,
             "g.xml": ox.RdfFormat.RDF_XML, "h.jsonld": ox.RdfFormat.JSON_LD, "i.json": ox.RdfFormat.JSON_LD}
    for name in [*names, "notes.txt", "dump.nq.gz", "README"]:
        (tmp_path / name).write_text("", encoding="utf-8")
    assert {path.name: rdf_format(path) for path in rdf_files([tmp_path])} == names
