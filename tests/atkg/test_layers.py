"""The packages depend one way: ontology <- graph <- shapes <- queries <- server <- the use-cases and the
command line (atkg/). Inside server: engine (and ops) <- sparql <- api <- pages <- the app.

Every import statement of every module is read, including those inside functions, so a lazy import cannot
slip a cycle in. A plain test rather than import-linter: the packages live in folders that setuptools maps
to atkg.* (package-dir), which import-linter's graph builder does not follow.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = {"ontology": "atkg.ontology", "graph": "atkg.graph", "shapes": "atkg.shapes", "queries": "atkg.queries",
           "server": "atkg.server", "atkg": "atkg"}
# Lowest first; a module may import from its own layer and those before it. The longest prefix decides.
LAYERS = [
    ("atkg.ontology",),
    ("atkg.graph",),
    ("atkg.shapes",),
    ("atkg.queries",),
    ("atkg.server.engine", "atkg.server.ops"),
    ("atkg.server.sparql",),
    ("atkg.server.api",),
    ("atkg.server.pages",),
    ("atkg.server",),
    ("atkg",),
]


def layer_of(module):
    """The index in LAYERS of a dotted module name (the longest matching prefix)."""
    best, best_length = None, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_length:
                best, best_length = index, len(prefix)
    return best


def modules():
    """(dotted name, path) of every Python module of the package."""
    found = []
    for folder, package in FOLDERS.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = list(path.relative_to(ROOT / folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found.append((".".join([package, *parts]), path))
    return found


def imported(path):
    """The atkg modules a file imports, anywhere in it."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in names if name.split(".")[0] == "atkg" and name != "atkg"}


def upward_imports(found):
    """(module, imported module) pairs where a lower layer imports a higher one."""
    wrong = []
    for module, path in found:
        own = layer_of(module)
        for target in sorted(imported(path)):
            if layer_of(target) > own:
                wrong.append((module, target))
    return wrong


def test_every_folder_has_modules_and_every_module_has_a_layer():
    found = modules()
    assert {package for package in FOLDERS.values()} <= {module for module, _ in found}
    assert len(found) > 100
    assert all(layer_of(module) is not None for module, _ in found)


def test_no_package_imports_a_layer_above_it():
    assert upward_imports(modules()) == []


@pytest.mark.parametrize(("module", "statement", "reported"), [
    ("atkg.graph.iris", "from atkg.shapes import validate_build", True),
    ("atkg.graph.iris", "def f():\n    from atkg.build import build", True),
    ("atkg.server.engine.pool", "from atkg.server.sparql.guard import outbound", True),
    ("atkg.server.pages.data", "from atkg.server.api import search", False),
    ("atkg.shapes.check", "import atkg.graph.iris", False),
])
def test_the_layer_check_sees_upward_imports_even_inside_functions(tmp_path, module, statement, reported):
    path = tmp_path / "module.py"
    path.write_text(statement + "\n", encoding="utf-8")
    assert bool(upward_imports([(module, path)])) is reported
