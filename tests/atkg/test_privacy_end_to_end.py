"""Privacy through the whole build: a report naming private persons, written for this test in the style of
the 2022 report, is built with the real sources; no name reaches the store or any dump, while the
neutral references keep role, nationality and count, and the official named in office stays."""

import shutil

import pytest
from click.testing import CliRunner

from atkg.cli import main
from atkg.graph.sources import sources_dir
from atkg.graph.store import EmbeddedStore

REPORT_2023 = """“Azərbaycan Respublikasında insan alverinə qarşı mübarizəyə dair 2020-2024-cü illər üçün Milli Fəaliyyət
Planı”nda nəzərdə tutulan tədbirlərin Azərbaycan Respublikasının Dövlət Miqrasiya Xidməti tərəfindən
2023-cü il ərzində icrası barədə

M Ə L U M A T

4.2.4-cü yarımbənd üzrə (Qanunsuz miqrasiyanın qarşısının alınması):

2022-ci ildə Özbəkistan vətəndaşı Rustam Karimov insan alverinin qurbanı olması ehtimal olunan şəxs kimi
müəyyən edilmişdir. Pakistan vətəndaşları Faisal Iqbal və Imran Khan şübhəli bilinərək saxlanılmışdır.
Məlumat Xidmətin rəisi Vüsal Hüseynov tərəfindən Daxili İşlər Nazirliyinə göndərilmişdir.

4.2.9-cu yarımbənd üzrə (Məlumatların xüsusi polis qurumuna təqdim edilməsi):

Məhkum Elşən Əliyev Rəşid oğlu barədə məlumat aidiyyəti üzrə təqdim edilmişdir.
"""
# The other measures the State Migration Service executes in 2023, so that the report is complete and the
# build's SHACL validation passes: this test is about privacy, not coverage.
OTHER_MEASURES_2023 = ["4.2.1", "4.2.10", "4.3.3", "4.3.4", "4.3.5", "4.3.6", "4.4.9", "4.5.8", "4.6.3",
                       "4.7.1", "4.7.2", "4.7.3", "4.7.4", "4.7.7", "4.8.1", "4.8.3"]
COMPLETE_REPORT_2023 = REPORT_2023 + "".join(
    f"\n{code}-ci yarımbənd üzrə (Tədbir):\n\nTədbirlər davam etdirilmişdir.\n" for code in OTHER_MEASURES_2023)
NAMES = ["Rustam", "Karimov", "Faisal", "Iqbal", "Imran", "Khan", "Elşən", "Rəşid oğlu"]


@pytest.fixture(scope="module")
def built_with_names(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sources")
    for path in [*sources_dir().glob("*.txt"), *sources_dir().glob("*.yaml")]:  # texts and their metadata
        shutil.copy(path, folder)
    (folder / "005_dmx_2023_test.txt").write_text(COMPLETE_REPORT_2023, encoding="utf-8")
    data = tmp_path_factory.mktemp("data")
    result = CliRunner().invoke(main, ["build", "--sources", str(folder), "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    return data


def test_no_private_name_in_any_dump(built_with_names):
    dumps = sorted((built_with_names / "dumps").glob("*"))
    assert len(dumps) >= 9
    for dump in dumps:
        text = dump.read_text(encoding="utf-8")
        assert [name for name in NAMES if name in text] == [], dump.name


def test_no_private_name_in_the_store(built_with_names):
    store = EmbeddedStore(built_with_names / "store", read_only=True)
    literals = [quad.object.value for quad in store.quads() if hasattr(quad.object, "language")]
    assert [name for name in NAMES if any(name in value for value in literals)] == []


def test_references_keep_role_nationality_and_count(built_with_names):
    store = EmbeddedStore(built_with_names / "store", read_only=True)
    rows = store.query("""PREFIX atkg: <https://w3id.org/atkg/ontology#>
        SELECT ?count ?nationality ?role WHERE { ?p a atkg:PrivatePersonReference ; atkg:personCount ?count ;
        atkg:personRole ?role FILTER(LANG(?role) = "en") OPTIONAL { ?p atkg:nationality ?nationality } }
        ORDER BY ?count ?nationality""", union_default_graph=True)
    found = sorted({(row["count"].value, row["nationality"] and row["nationality"].value, row["role"].value)
                    for row in rows}, key=str)
    assert ("1", "https://w3id.org/atkg/country/uz", "possible victim") in found
    assert ("2", "https://w3id.org/atkg/country/pk", "suspect") in found
    assert any(count == "1" and role == "convicted person" for count, _, role in found)


def test_the_official_in_office_stays(built_with_names):
    text = (built_with_names / "dumps" / "source-005_dmx_2023_test.ttl").read_text(encoding="utf-8")
    assert "Xidmətin rəisi Vüsal Hüseynov" in text


def test_the_comparison_with_the_year_before_reads_the_redacted_text(built_with_names):
    """The new sentences of 2023 (graph/text_reuse.py) are cut from the redacted entry text: placeholders,
    never the names."""
    store = EmbeddedStore(built_with_names / "store", read_only=True)
    rows = store.query("""PREFIX atkg: <https://w3id.org/atkg/ontology#>
        SELECT ?text WHERE { GRAPH <https://w3id.org/atkg/graph/derived/text-reuse> {
          <https://w3id.org/atkg/report/dmx-2023/entry/4.2.4> atkg:hasSentence [ atkg:sentenceText ?text ;
            atkg:newSinceLastYear true ] } }""")
    texts = [row["text"].value for row in rows]
    assert any(text.startswith("2022-ci ildə [şəxs: Özbəkistan vətəndaşı") for text in texts), texts
    assert [name for name in NAMES if any(name in text for text in texts)] == []
