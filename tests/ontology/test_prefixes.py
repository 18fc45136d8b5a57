"""One table of prefixes: every namespace the project writes in SPARQL or Turtle is declared once, in
atkg.ontology.PREFIXES, and the ontology's own files agree with it."""

import re
from pathlib import Path

from atkg.ontology import PREFIXES, ontology_files, sparql_prologue

ROOT = Path(__file__).resolve().parents[2]
CODE = ["atkg", "graph", "shapes", "queries", "server"]


def test_the_prologue_declares_the_named_prefixes_in_order():
    assert sparql_prologue("skos", "atkg") == ("PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                                               "PREFIX atkg: <https://w3id.org/atkg/ontology#>\n")
    assert sparql_prologue().count("PREFIX ") == len(PREFIXES) == 18


def test_no_module_writes_its_own_prefix_lines():
    """A PREFIX line written into Python code (rather than asked of sparql_prologue) is a second table."""
    found = [f"{path.relative_to(ROOT)}: {line.strip()}"
             for folder in CODE for path in sorted((ROOT / folder).rglob("*.py"))
             for line in path.read_text(encoding="utf-8").splitlines()
             if re.search(r"PREFIX \w*: <http", line)]
    assert found == []


def test_the_ontology_files_use_the_same_prefix_for_each_shared_namespace():
    for path in ontology_files():
        for name, namespace in re.findall(r"^@prefix ([\w-]*): <([^>]*)> \.$", path.read_text(encoding="utf-8"),
                                          flags=re.MULTILINE):
            if namespace in PREFIXES.values():
                assert PREFIXES.get(name) == namespace, f"{path.name}: {name}: <{namespace}>"
