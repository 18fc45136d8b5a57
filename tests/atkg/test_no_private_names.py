"""No private person named in an original report appears in the repository, the package, the data folder or
on any public surface.

How this is proved without the names being written anywhere: when a report enters graph/sources (the
committed sources, and every `atkg ingest`), graph.sources.entering redacts it and keeps, in the metadata
file beside it, only salted SHA-256 fingerprints of the stems of the name words it removed ("Karimovun" and
"Karimova" share the stem "karimov"). These tests read those fingerprints, cut every surface into words, and
fingerprint each word's stem with each source's salt: a fingerprint found is a removed name come back, in
any case form. The originals themselves (../shared/seeds) are not needed, so the tests run anywhere.

What the fingerprints do not protect against: someone who guesses a name can confirm the guess, as with
any published hash; they never give a name that was not guessed.
"""

import json
import re
import shutil
import subprocess
import sys
import urllib.parse
import zipfile
from pathlib import Path

import pytest

from atkg.graph.extract.privacy import name_fingerprint
from atkg.graph.sources import metadata_path, redaction_record, sources_dir
from tests.server.helpers import fetch

REPOSITORY = Path(__file__).resolve().parents[2]
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
REPORT_2022 = "https://w3id.org/atkg/report/dmx-2022"


@pytest.fixture(scope="module")
def fingerprints():
    """{salt: fingerprints} of every source whose redaction removed names."""
    records = [redaction_record(metadata_path(path)) for path in sorted(sources_dir().glob("*.txt"))]
    found = {salt: frozenset(names) for salt, names in filter(None, records)}
    assert sum(len(names) for names in found.values()) >= 15  # the 2022 report names a dozen private persons
    return found


def names_in(text, fingerprints):
    """How many words of `text` are removed names come back (0 when none is)."""
    words = set(_WORD.findall(text))
    return sum(1 for salt, names in fingerprints.items() for word in words
               if name_fingerprint(word, salt=salt) in names)


def test_the_fingerprints_find_the_names_they_were_made_from():
    """The scan can fail: a text with a name the redaction removes is found, in another case form too."""
    from atkg.graph.sources import entering

    _, record = entering("Özbəkistan vətəndaşı Rustam Karimov saxlanılmışdır.")
    salted = {record["salt"]: frozenset(record["names"])}
    assert len(record["names"]) == 2
    assert names_in("Karimova məlumat verilmişdir; Rustamın işi.", salted) == 2
    assert names_in("Özbəkistan vətəndaşı saxlanılmışdır.", salted) == 0


def test_no_removed_name_in_the_repository_tree(fingerprints):
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPOSITORY, capture_output=True, check=True).stdout
    paths = [REPOSITORY / name for name in files.decode("utf-8").split("\0") if name]
    assert len(paths) > 200
    found = [path.name for path in paths if path.is_file() and names_in(_text(path.read_bytes()), fingerprints)]
    assert found == []


def test_no_removed_name_in_the_built_wheel(fingerprints, tmp_path):
    """The wheel is built from the tracked files only (a copy), offline, as `pip wheel` makes it."""
    tree = tmp_path / "tree"
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPOSITORY, capture_output=True, check=True).stdout
    for name in files.decode("utf-8").split("\0"):
        if name and (REPOSITORY / name).is_file():
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPOSITORY / name, tree / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(tmp_path / "wheel"), str(tree)], check=True, capture_output=True)
    [wheel] = (tmp_path / "wheel").glob("atkg-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "atkg/graph/sources/001_434bf5f6e76f4b5d.txt" in names
        found = [name for name in names if names_in(_text(archive.read(name)), fingerprints)]
    assert found == []


def test_no_removed_name_in_the_data_folder(built, fingerprints):
    """Every file the build wrote (dumps, the ready check context; the store is read back through quads)."""
    settings, _ = built
    files = [path for path in settings.data_dir.rglob("*") if path.is_file() and "store" not in path.parts]
    assert len(files) >= 10
    assert [path.name for path in files if names_in(_text(path.read_bytes()), fingerprints)] == []


def test_no_removed_name_in_the_store(store, fingerprints):
    text = "\n".join(str(quad) for quad in store.quads())
    assert "[3 şəxs: Pakistan İslam Respublikası vətəndaşları]" in text
    assert names_in(text, fingerprints) == 0


def test_no_removed_name_on_the_public_surfaces(real_server, fingerprints):
    """The endpoint's dump of every graph, search, and the pages of the 2022 report and its entries."""
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
    surfaces = {"dump": f"/sparql?{urllib.parse.urlencode({'query': construct})}"}
    for words in ("vətəndaşı", "şəxs", "Pakistan", "Hindistan", "Türkmənistan", "Yunanıstan", "insan alveri"):
        surfaces[f"search {words}"] = f"/api/search?{urllib.parse.urlencode({'q': words, 'limit': 50})}"
    pages = ["/id/report/dmx-2022"] + [f"/id/report/dmx-2022/entry/{code}" for code in ("4.2.9", "4.3.5")]
    surfaces |= {page: page for page in pages} | {f"{page} en": f"{page}?lang=en" for page in pages}
    bodies = {}
    for name, path in surfaces.items():
        status, _, body = fetch(real_server.base + path, headers={"Accept": "text/turtle, application/json, "
                                                                             "text/html;q=0.9"})
        assert status == 200, (name, status)
        bodies[name] = _readable(body)
    assert "[şəxs: Hindistan Respublikasının vətəndaşı]" in bodies["/id/report/dmx-2022/entry/4.3.5"]
    assert [name for name, body in bodies.items() if names_in(body, fingerprints)] == []


def _readable(body):
    """A response body as text, JSON with its \\u escapes read back."""
    text = _text(body)
    return json.dumps(json.loads(text), ensure_ascii=False) if text.startswith(("{", "[")) else text


def _text(data):
    """Bytes read as UTF-8, whatever is not text skipped (a pickle or an archive member holds its strings
    as UTF-8)."""
    return data.decode("utf-8", errors="ignore")
