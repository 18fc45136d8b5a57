"""Redaction of private persons' names: report-style text written for the tests, and the real sources."""

from importlib import resources

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS, XSD

from atkg.graph.extract.privacy import person_references_graph, placeholder, redact, references_in
from atkg.ontology import ATKG

BASE = "https://example.org/atkg/"
ENTRY = URIRef(f"{BASE}report/dmx-2022/entry/4.2.4")


def source_text(prefix):
    """The text of the one source document whose file name starts with `prefix`."""
    found = [f for f in resources.files("atkg.graph").joinpath("sources").iterdir() if f.name.startswith(prefix)]
    assert len(found) == 1
    return found[0].read_text(encoding="utf-8")


# (text, redacted text, names that must be gone)
CASES = [
    ("2022-ci ildə Özbəkistan vətəndaşı Rustam Karimov insan alverinin qurbanı olması ehtimal olunan şəxs kimi "
     "müəyyən edilmişdir.",
     "2022-ci ildə [şəxs: Özbəkistan vətəndaşı, ehtimal olunan qurban] insan alverinin qurbanı olması ehtimal "
     "olunan şəxs kimi müəyyən edilmişdir.",
     ["Rustam", "Karimov"]),
    ("Pakistan vətəndaşları Faisal Iqbal və Imran Khan şübhəli bilinərək saxlanılmışdır.",
     "[2 şəxs: Pakistan vətəndaşları, şübhəli] şübhəli bilinərək saxlanılmışdır.",
     ["Faisal", "Iqbal", "Imran", "Khan"]),
    ("2 nəfər Şri-Lanka vətəndaşı Nimal Perera, Kamal Silva və Sunil Fernando barədə məlumat DİN-ə göndərilmişdir.",
     "2 nəfər [3 şəxs: Şri-Lanka vətəndaşı] barədə məlumat DİN-ə göndərilmişdir.",
     ["Nimal", "Perera", "Kamal", "Silva", "Sunil", "Fernando"]),
    ("Hindistan Respublikasının vətəndaşları Arjun Mehta və Anil Sharma insan alverinin ehtimal olunan qurbanları "
     "kimi tanınmışdır.",
     "[2 şəxs: Hindistan Respublikasının vətəndaşları, ehtimal olunan qurban] insan alverinin ehtimal olunan "
     "qurbanları kimi tanınmışdır.",
     ["Arjun", "Mehta", "Anil", "Sharma"]),
    ("Cinayət işi üzrə Əliyeva Aysel Rəşid qızı zərərçəkmiş qismində tanınmışdır.",
     "Cinayət işi üzrə [şəxs: zərərçəkmiş] zərərçəkmiş qismində tanınmışdır.",
     ["Aysel", "Rəşid", "Əliyeva"]),
    ("Məmmədov Elvin Vəli oğluna məxsus müəssisədə Nepal vətəndaşı Ram Bahadur Thapa işlədilmişdir.",
     "[şəxs] məxsus müəssisədə [şəxs: Nepal vətəndaşı] işlədilmişdir.",
     ["Elvin", "Məmmədov", "Ram", "Bahadur", "Thapa"]),
    ("Qurbanın ifadəsinə görə, Quliyev Orxan Kamal oğlu tərəfindən Türkiyəyə aparılmışdır.",
     "Qurbanın ifadəsinə görə, [şəxs] tərəfindən Türkiyəyə aparılmışdır.",
     ["Orxan", "Quliyev"]),
    ("Şübhəli şəxs A.B. Məmmədov barəsində cinayət işi başlanmışdır.",
     "[şəxs: şübhəli] barəsində cinayət işi başlanmışdır.",
     ["Məmmədov"]),
    ("Təqsirləndirilən Səbinə Həsənova barəsində ittiham aktı məhkəməyə göndərilmişdir.",
     "[şəxs: təqsirləndirilən] barəsində ittiham aktı məhkəməyə göndərilmişdir.",
     ["Səbinə", "Həsənova"]),
    ("vətəndaşlığı olmayan şəxs Karim Ahmadi 5 il müddətinə azadlıqdan məhrum edilməklə məhkum edilmişdir.",
     "[şəxs: vətəndaşlığı olmayan, məhkum] 5 il müddətinə azadlıqdan məhrum edilməklə məhkum edilmişdir.",
     ["Karim", "Ahmadi"]),
    ("Məhkum edilmiş Orxan Quliyev cəzasını çəkir.",
     "[şəxs: məhkum] cəzasını çəkir.",
     ["Orxan", "Quliyev"]),
    ("Əfqanıstan vətəndaşları Ahmad Shah, Nasir Khan və Wali Mohammad istismara məruz qalmış zərərçəkmiş şəxslər "
     "kimi tanınmışdır.",
     "[3 şəxs: Əfqanıstan vətəndaşları, zərərçəkmiş] istismara məruz qalmış zərərçəkmiş şəxslər kimi tanınmışdır.",
     ["Ahmad", "Shah", "Nasir", "Wali", "Mohammad"]),
    ("Azərbaycan Respublikası vətəndaşı Dövlət Məmmədov Dövlət Təhlükəsizliyi Xidmətinə müraciət etmişdir.",
     "[şəxs: Azərbaycan Respublikası vətəndaşı] Dövlət Təhlükəsizliyi Xidmətinə müraciət etmişdir.",
     ["Məmmədov"]),
    ("1990-cı il təvəllüdlü Orxan Quliyev şübhəli kimi saxlanılmışdır.",
     "1990-cı il təvəllüdlü [şəxs: şübhəli] şübhəli kimi saxlanılmışdır.",
     ["Orxan", "Quliyev"]),
    ("Bakı şəhər sakini Aysel Məmmədova polisə müraciət etmişdir.",
     "Bakı şəhər sakini [şəxs] polisə müraciət etmişdir.",
     ["Aysel", "Məmmədova"]),
    ("Rustam adlı şəxs tərəfindən Rusiyaya aparılmışdır.",
     "[şəxs] adlı şəxs tərəfindən Rusiyaya aparılmışdır.",
     ["Rustam"]),
    ("Özbəkistan vətəndaşları KARIMOV RUSTAM və O'ktam Ergashev barədə məlumat verilmişdir.",
     "[2 şəxs: Özbəkistan vətəndaşları] barədə məlumat verilmişdir.",
     ["KARIMOV", "RUSTAM", "O'ktam", "Ergashev"]),
    ("Şübhəli bilinən Elvin Kərimov saxlanılmışdır.",
     "[şəxs: şübhəli] saxlanılmışdır.",
     ["Elvin", "Kərimov"]),
    # A company's director is not an official.
    ("Əliyev Əli Vəli oğlu, MMC-nin direktoru, işçiləri məcburi əməyə cəlb etmişdir.",
     "[şəxs], MMC-nin direktoru, işçiləri məcburi əməyə cəlb etmişdir.",
     ["Əliyev", "Vəli"]),
    ("şirkətin direktoru Əliyev Əli Vəli oğlu barəsində cinayət işi başlanmışdır.",
     "şirkətin direktoru [şəxs] barəsində cinayət işi başlanmışdır.",
     ["Əliyev", "Vəli"]),
]


@pytest.mark.parametrize(("text", "expected", "names"), CASES)
def test_private_names_are_replaced_by_placeholders(text, expected, names):
    redacted = redact(text).text
    assert redacted == expected
    assert not [name for name in names if name in redacted]


def test_placeholders_are_located_in_the_redacted_text():
    text = CASES[1][0] + "\n" + CASES[4][0]
    redaction = redact(text)
    assert [(r.count, r.role, r.nationality) for r in redaction.references] == [
        (2, "şübhəli", "Pakistan vətəndaşları"), (1, "zərərçəkmiş", None)]
    assert [redaction.text[r.start:r.end] for r in redaction.references] == [r.placeholder for r in redaction.references]


def test_a_name_split_over_two_lines_keeps_the_line_count():
    text = "Bu işdə Özbəkistan vətəndaşı Rustam\nKarimov şübhəli bilinmişdir.\nİkinci sətir."
    redacted = redact(text).text
    assert redacted == "Bu işdə [şəxs: Özbəkistan vətəndaşı, şübhəli]\n şübhəli bilinmişdir.\nİkinci sətir."
    assert redacted.count("\n") == text.count("\n")


def test_role_is_not_taken_from_a_neighbouring_persons_cue():
    text = ("Məmmədov Əli Vəli oğlu tərəfindən törədilmiş cinayət üzrə Əliyeva Aysel Rəşid qızının zərərçəkmiş "
            "qismində tanınması")
    assert [r.role for r in redact(text).references] == [None, "zərərçəkmiş"]


@pytest.mark.parametrize("text", [
    "Xidmətin rəisi Vüsal Hüseynov görüşdə iştirak etmişdir.",
    "Nazir müavini F. Mahmudov tədbirdə çıxış etmişdir.",
    "Hüseynov Vüsal Xanlar oğlu, Dövlət Miqrasiya Xidmətinin rəisi",
    "**İlham ƏLİYEV,**  \nAzərbaycan Respublikasının Prezidenti",
    "rəis müavini Əliyev Kamran Tahir oğlu təlimi açmışdır.",
    "DİN-in rəisi Əliyev Əli Vəli oğlu görüşdə çıxış etmişdir.",
    "Türkiyə vətəndaşı Dövlət Miqrasiya Xidmətinə müraciət etmişdir.",
    "əcnəbi və vətəndaşlığı olmayan şəxslərin Azərbaycan Respublikasında olma qaydaları",
    "2021-ci ildə 3 halda 6 nəfər Əfqanıstan İslam Respublikası vətəndaşının əmək haqları ödənilmişdir.",
    "insan alverinin qurbanı İran vətəndaşları barədə məlumat verilmişdir.",
    "Vətəndaş Cəmiyyəti Təşkilatlarının nümayəndələri iştirak etmişdir.",
    "qurbanı Rusiyaya aparılmış şəxslər müəyyən edilmişdir.",
])
def test_officials_and_ordinary_text_stay(text):
    assert redact(text).text == text
    assert redact(text).references == ()


def test_redaction_of_redacted_text_changes_nothing():
    once = redact(CASES[1][0] + " " + CASES[7][0]).text
    assert redact(once).text == once


def test_the_president_who_signed_the_plan_stays_named():
    plan = source_text("004_")
    assert "**İlham ƏLİYEV,**  \nAzərbaycan Respublikasının Prezidenti" in plan
    assert redact(plan).text == plan


@pytest.mark.parametrize("prefix", ["000_", "002_", "003_"])
def test_reports_that_name_no_private_person_are_unchanged(prefix):
    # Read by hand: these reports give counts and nationalities ("6 nəfər Əfqanıstan İslam Respublikası
    # vətəndaşının", 002) but no personal name.
    report = source_text(prefix)
    assert redact(report).text == report
    assert redact(report).references == ()


def test_placeholder_wording():
    assert placeholder(count=1, nationality="Özbəkistan vətəndaşı", role="ehtimal olunan qurban") == (
        "[şəxs: Özbəkistan vətəndaşı, ehtimal olunan qurban]")
    assert placeholder(count=2, nationality="Pakistan vətəndaşları", role=None) == "[2 şəxs: Pakistan vətəndaşları]"
    assert placeholder(count=1, nationality=None, role=None) == "[şəxs]"


def test_references_graph_keeps_role_count_and_source_but_no_name():
    text = CASES[1][0] + " " + CASES[4][0]
    graph = person_references_graph(redact(text).references, base=BASE, entry_iri=ENTRY, stem="report_x")
    first, second = URIRef(f"{ENTRY}/person/1"), URIRef(f"{ENTRY}/person/2")
    assert set(graph.subjects(RDF.type, ATKG.PrivatePersonReference)) == {first, second}
    assert set(graph.objects(first, ATKG.personRole)) == {Literal("şübhəli", lang="az"), Literal("suspect", lang="en")}
    assert graph.value(first, ATKG.personCount) == Literal(2, datatype=XSD.nonNegativeInteger)
    assert graph.value(second, PROV.wasDerivedFrom) == ENTRY
    assert graph.value(first, ATKG.sourceDocument) == URIRef(f"{BASE}source/report_x")
    dump = graph.serialize(format="nt")
    assert not [name for name in ("Faisal", "Iqbal", "Imran", "Khan", "Aysel", "Rəşid") if name in dump]


def test_small_counts_broken_down_by_nationality_and_role_are_flagged():
    text = CASES[1][0] + " " + CASES[4][0] + " " + CASES[2][0]
    graph = person_references_graph(redact(text).references, base=BASE, entry_iri=ENTRY, stem="report_x")
    flagged = set(graph.subjects(SKOS.note, Literal("small count: re-identification risk", lang="en")))
    # Pakistan + suspect is flagged; a role alone, or a nationality alone, is not a breakdown by two attributes.
    assert flagged == {URIRef(f"{ENTRY}/person/1")}


def test_nationality_links_to_the_curated_country():
    from atkg.graph.agencies import load_registry

    text = CASES[1][0] + " " + CASES[5][0]
    refs = redact(text).references
    assert [r.nationality for r in refs] == ["Pakistan vətəndaşları", None, "Nepal vətəndaşı"]
    graph = person_references_graph(refs, base=BASE, entry_iri=ENTRY, stem="report_x", registry=load_registry())
    assert graph.value(URIRef(f"{ENTRY}/person/1"), ATKG.nationality) == URIRef(f"{BASE}country/pk")
    # Nepal is not in the curated registry: the placeholder keeps the nationality as written, no link is made.
    assert graph.value(URIRef(f"{ENTRY}/person/3"), ATKG.nationality) is None


def test_references_are_read_back_from_redacted_text():
    text = "\n".join(case[0] for case in CASES)
    redaction = redact(text)
    assert redaction.text == "\n".join(case[1] for case in CASES)
    assert len(redaction.references) == 21
    assert references_in(redaction.text) == redaction.references
    # An entry cut out of a redacted report: positions are relative to the entry's own text.
    entry_text = redaction.text.split("\n")[1]
    assert [(r.placeholder, r.role, r.nationality, r.count, r.start) for r in references_in(entry_text)] == [
        ("[2 şəxs: Pakistan vətəndaşları, şübhəli]", "şübhəli", "Pakistan vətəndaşları", 2, 0)]


def test_a_hard_wrapped_paragraph_with_officials_and_private_persons():
    text = (
        "2022-ci il ərzində Daxili İşlər Nazirliyinin İnsan Alverinə qarşı Mübarizə Baş İdarəsinə\n"
        "Pakistan İslam Respublikasının vətəndaşları Imran Ali, Bilal Ahmed və Usman\n"
        "Tariq barədə məlumat göndərilmişdir. Xidmətin rəisi Vüsal Hüseynov 12 may 2022-ci il\n"
        "tarixdə BMqT-nin nümayəndələri ilə görüş keçirmişdir. Məhkəmənin hökmü ilə Əliyev Rəşad\n"
        "Kamal oğlu 8 il müddətinə azadlıqdan məhrum edilmiş, zərərçəkmiş Şri-Lanka vətəndaşı Nimal Perera\n"
        "repatriasiya olunmuşdur.\n")
    redaction = redact(text)
    assert redaction.text == (
        "2022-ci il ərzində Daxili İşlər Nazirliyinin İnsan Alverinə qarşı Mübarizə Baş İdarəsinə\n"
        "[3 şəxs: Pakistan İslam Respublikasının vətəndaşları]\n"
        " barədə məlumat göndərilmişdir. Xidmətin rəisi Vüsal Hüseynov 12 may 2022-ci il\n"
        "tarixdə BMqT-nin nümayəndələri ilə görüş keçirmişdir. Məhkəmənin hökmü ilə [şəxs: məhkum]\n"
        " 8 il müddətinə azadlıqdan məhrum edilmiş, [şəxs: Şri-Lanka vətəndaşı, zərərçəkmiş]\n"
        "repatriasiya olunmuşdur.\n")
    assert [(r.count, r.role) for r in redaction.references] == [(3, None), (1, "məhkum"), (1, "zərərçəkmiş")]
