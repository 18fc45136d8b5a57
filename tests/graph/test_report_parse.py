"""parse_report on the State Migration Service's 2020 and 2021 reports, and on variants of them made the
way PDF and DOCX extraction damages text: re-wrapped lines, page debris, bold mark-up, split headings."""

import re
import textwrap
import unicodedata
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from atkg.graph import iris
from atkg.graph.reports import ReportFormatError, parse_report, rejoined, report_graph
from atkg.graph.reports.ordinals import ordinal
from atkg.ontology import ATKG

SOURCES = Path(__file__).resolve().parents[2] / "graph" / "sources"
REPORT_2020 = "000_8824f00754a92447"
REPORT_2021 = "002_e692b092547fc0c1"
CODES = ("4.1.6", "4.2.1", "4.2.4", "4.2.9", "4.2.10", "4.3.3", "4.3.4", "4.3.5", "4.3.6", "4.4.8", "4.4.9",
         "4.5.8", "4.6.3", "4.6.6", "4.7.1", "4.7.2", "4.7.3", "4.7.4", "4.7.7", "4.8.1", "4.8.3", "4.8.4")
HEADING_LINE = re.compile(r"^(?:#+ )?(?:\*\*)?\d+(?:\.\d+)+-c\w+ yarım ?bənd")


def source(stem):
    """The text of a source document."""
    return (SOURCES / f"{stem}.txt").read_text(encoding="utf-8")


def parsed(stem):
    """The parsed real report."""
    return parse_report(source(stem), stem=stem)


def entry(report, code):
    """The one entry of a report for a code."""
    (found,) = [item for item in report.entries if item.code == code]
    return found


@pytest.mark.parametrize("stem", [REPORT_2020, REPORT_2021])
def test_entry_codes_in_order(stem):
    assert tuple(item.code for item in parsed(stem).entries) == CODES


@pytest.mark.parametrize("stem, year", [(REPORT_2020, 2020), (REPORT_2021, 2021)])
def test_agency_and_year_from_the_title(stem, year):
    report = parsed(stem)
    assert (report.agency_name, report.year, report.stem) == ("Dövlət Miqrasiya Xidməti", year, stem)
    assert report.title.startswith("“Azərbaycan Respublikasında insan alverinə qarşı mübarizəyə dair")


def test_2021_title_closes_up_the_letter_spaced_word():
    assert parsed(REPORT_2021).title.endswith("2021-ci il ərzində icrası barədə MƏLUMAT")


def test_heading_broken_by_a_blank_line_is_one_heading():
    heading = entry(parsed(REPORT_2020), "4.7.2")
    assert (heading.heading_line_start, heading.heading_line_end) == (87, 89)
    assert "xidmətlər göstərməyə məcbur edilmə və insanların" in heading.heading_title
    assert heading.heading_title.endswith("ilə bağlı mövzuların daxil edilməsi")


def test_heading_title_keeps_its_inner_parentheses():
    title = entry(parsed(REPORT_2021), "4.3.6").heading_title
    assert "(onları əvəz edən şəxslər)" in title and title.endswith("qarşı tədbirlərin görülməsi")


def test_markdown_heading_marks_and_bold_are_not_in_the_title():
    heading = entry(parsed(REPORT_2021), "4.8.4")
    assert heading.heading_title.startswith("İnsan alveri ilə bağlı keçirilən bütün")
    assert heading.heading_text.startswith("4.8.4-cü yarımbənd üzrə (") and heading.heading_text.endswith("):")


def test_inline_cross_references_are_not_headings():
    report = parsed(REPORT_2020)
    assert entry(report, "4.7.1").cross_refs == ("4.7.2",)
    assert entry(report, "4.8.1").cross_refs == ("4.2.1",)
    assert entry(report, "4.7.1").paragraphs[-1].text == "Bununla bağlı digər məlumatlar 4.7.2-ci yarımbənddə qeyd olunmuşdur."
    assert entry(parsed(REPORT_2021), "4.7.4").cross_refs == ("4.7.2",)


def test_sentence_broken_over_a_blank_line_is_rejoined():
    report = parsed(REPORT_2020)
    first = entry(report, "4.3.5").paragraphs[0]
    assert (first.line_start, first.line_end) == (45, 47)
    assert "qurbanlarının, o cümlədən uşaqların, əcnebilerin" in first.text
    assert "aparılır. Bununla bağlı cari il ərzində" in entry(report, "4.8.3").paragraphs[0].text
    assert "yerlər və əlaqə telefonları haqqında" in entry(parsed(REPORT_2021), "4.2.1").paragraphs[1].text


def test_paragraph_ending_in_a_parenthesis_then_a_capital_is_a_new_paragraph():
    paragraphs = entry(parsed(REPORT_2020), "4.2.4").paragraphs
    assert [(item.line_start, item.line_end) for item in paragraphs] == [(21, 21), (23, 23), (25, 25)]


@pytest.mark.parametrize("stem", [REPORT_2020, REPORT_2021])
def test_every_heading_and_paragraph_is_a_substring_of_the_rejoined_text(stem):
    joined, report = rejoined(source(stem), stem=stem), parsed(stem)
    pieces = [item.heading_text for item in report.entries]
    pieces += [paragraph.text for item in report.entries for paragraph in item.paragraphs]
    assert len(pieces) > 50 and all(piece in joined for piece in pieces)


def test_no_headings_raises_with_the_exact_message():
    with pytest.raises(ReportFormatError) as raised:
        parse_report("Hesabat\n\nBu il heç bir tədbir keçirilməmişdir.\n", stem="999_empty")
    assert str(raised.value) == (
        "999_empty: no measure headings found (expected lines like '4.2.1-ci yarımbənd üzrə (...):')")


def test_unclosed_heading_title_raises_with_file_and_line():
    text = "Başlıq\n\n4.2.1-ci yarımbənd üzrə (İnsan alveri (probleminin mahiyyəti):\n\nMətn.\n"
    with pytest.raises(ReportFormatError) as raised:
        parse_report(text, stem="998_broken")
    assert str(raised.value) == "998_broken: line 3: heading for 4.2.1 opens '(' but its title is never closed by ')'"


def test_duplicate_headings_are_kept_apart():
    text = ("4.2.1-ci yarımbənd üzrə (Birinci):\n\nBir.\n\n4.2.1-ci yarımbənd üzrə (Birinci):\n\nİki.\n")
    report = parse_report(text, stem="997_twice")
    assert [(item.code, item.text) for item in report.entries] == [("4.2.1", "Bir."), ("4.2.1", "İki.")]


# Variants of the real reports: the same entries must come out every time.

def rewrapped(text, width):
    """Every line hard-wrapped at `width` columns, blank lines kept."""
    return "\n".join("\n".join(textwrap.wrap(line, width, break_long_words=False)) if line.strip() else line
                     for line in text.split("\n"))


def blank_lines_doubled(text):
    """Every blank line twice."""
    return "\n".join(line if line.strip() else "\n" for line in text.split("\n"))


def with_page_debris(text):
    """A form feed, a page number and a running header inserted every 25 lines."""
    lines, out = text.split("\n"), []
    for index, line in enumerate(lines):
        if index and index % 25 == 0:
            out += ["\f", f"- {index // 25 + 1} -", "Dövlət Miqrasiya Xidməti | Hesabat"]
        out.append(line)
    return "\n".join(out)


def on_headings(text, change):
    """Apply `change` to every heading line."""
    return "\n".join(change(line) if HEADING_LINE.match(line) else line for line in text.split("\n"))


def bold_toggled(line):
    """Bold removed where present, added (as <b>) where absent."""
    return line.replace("**", "") if "**" in line else f"<b>{line}</b>"


def spaced_differently(line):
    """"yarımbənd" and "yarım bənd" swapped."""
    return line.replace("yarım bənd", "\0").replace("yarımbənd", "yarım bənd").replace("\0", "yarımbənd")


def split_in_three(line):
    """The heading broken into three lines, the second break doubled into a blank line."""
    words = line.split(" ")
    third = max(1, len(words) // 3)
    return " ".join(words[:third]) + "\n" + " ".join(words[third:2 * third]) + "\n\n" + " ".join(words[2 * third:])


VARIANTS = {
    "wrapped at 60": lambda text: rewrapped(text, 60),
    "wrapped at 37": lambda text: rewrapped(text, 37),
    "blank lines doubled": blank_lines_doubled,
    "page debris": with_page_debris,
    "bold toggled on headings": lambda text: on_headings(text, bold_toggled),
    "yarımbənd spacing swapped": lambda text: on_headings(text, spaced_differently),
    "headings split in three": lambda text: on_headings(text, split_in_three),
    "decomposed letters": lambda text: unicodedata.normalize("NFD", text),
    "Cyrillic schwa": lambda text: text.replace("ə", "ә").replace("Ə", "Ә"),
    "Windows line ends": lambda text: text.replace("\n", "\r\n"),
    "all at once": lambda text: with_page_debris(blank_lines_doubled(rewrapped(
        on_headings(on_headings(on_headings(text, split_in_three), bold_toggled), spaced_differently), 37))),
}


def summary(report):
    """What must not change: codes, titles, cross-references and paragraph texts (white space closed up)."""
    def normal(text):
        return " ".join(text.split())
    return [(item.code, normal(item.heading_title), item.cross_refs, tuple(normal(p.text) for p in item.paragraphs))
            for item in report.entries]


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("stem", [REPORT_2020, REPORT_2021])
def test_damaged_variants_give_the_same_entries(stem, variant):
    damaged = VARIANTS[variant](source(stem))
    assert damaged != source(stem)
    report = parse_report(damaged, stem=stem)
    assert summary(report) == summary(parsed(stem))
    assert (report.agency_name, report.year) == ("Dövlət Miqrasiya Xidməti", parsed(stem).year)


def test_debris_lines_never_reach_the_text():
    report = parse_report(with_page_debris(rewrapped(source(REPORT_2021), 37)), stem=REPORT_2021)
    texts = " ".join(item.text + item.heading_title for item in report.entries)
    assert "| Hesabat" not in texts and "\f" not in texts and " - 3 - " not in texts


# RDF of the reports.

BASE = "https://w3id.org/atkg/"


def plan_titles():
    """Code → title from the plan's measures table (the first cell after the code)."""
    titles = {}
    for line in source("004_961f872eaa6ca64b").split("\n"):
        row = re.match(r"^(\d+\.\d+\.\d+)\.?\t([^\t]+)\t", line)
        if row:
            titles[row[1]] = row[2]
    assert len(titles) > 60
    return titles


def graph_of(stem):
    """report_graph of a real report with the plan's titles."""
    return report_graph(parsed(stem), base=BASE, agency_iri=URIRef(f"{BASE}agency/dmx"),
                        plan_iri=iris.plan_iri(base=BASE),
                        measure_iri_for=lambda code: iris.plan_part_iri("measure", code, base=BASE),
                        measure_titles=plan_titles(), agency_key="dmx")


def test_report_node():
    graph, report = graph_of(REPORT_2021), URIRef(f"{BASE}report/dmx-2021")
    assert (report, RDF.type, ATKG.Report) in graph
    assert set(graph.objects(report, RDFS.label)) == {
        Literal("DMX 2021 report", lang="en"), Literal("Dövlət Miqrasiya Xidməti: 2021-ci il üzrə hesabat", lang="az")}
    assert graph.value(report, ATKG.reportYear) == Literal("2021", datatype=XSD.gYear)
    assert graph.value(report, ATKG.reportsOn) == URIRef(f"{BASE}plan/nap-2020-2024")
    assert graph.value(report, ATKG.sourceDocument) == URIRef(f"{BASE}source/{REPORT_2021}")
    assert graph.value(report, DCTERMS.title).language == "az"
    assert len(list(graph.objects(report, ATKG.hasEntry))) == 22


def test_entry_nodes():
    graph = graph_of(REPORT_2020)
    entry_iri = URIRef(f"{BASE}report/dmx-2020/entry/4.8.1")
    assert Literal("DMX 2020 report, entry 4.8.1", lang="en") in set(graph.objects(entry_iri, RDFS.label))
    assert graph.value(entry_iri, ATKG.aboutMeasure) == URIRef(f"{BASE}plan/nap-2020-2024/measure/4.8.1")
    assert graph.value(entry_iri, ATKG.implementationStatus) == URIRef(
        "https://w3id.org/atkg/code/implementation-status/reported-elsewhere")
    assert str(graph.value(entry_iri, ATKG.statusEvidence)) == "Bununla bağlı məlumatlar 4.2.1-ci yarımbənddə qeyd olunmuşdur"
    assert graph.value(entry_iri, ATKG.crossReference) == URIRef(f"{BASE}report/dmx-2020/entry/4.2.1")
    assert graph.value(URIRef(f"{BASE}report/dmx-2020/entry/4.2.1"), ATKG.covidAffected).toPython() is True
    assert graph.value(entry_iri, ATKG.covidAffected).toPython() is False


def test_heading_matches_plan_is_false_only_where_the_spelling_differs():
    for stem, differing in [(REPORT_2020, {"4.2.9", "4.2.10", "4.3.5"}), (REPORT_2021, {"4.2.9", "4.3.5"})]:
        graph = graph_of(stem)
        verdicts = {str(entry).rsplit("/", 1)[1]: match.toPython()
                    for entry, match in graph.subject_objects(ATKG.headingMatchesPlan)}
        assert len(verdicts) == 21 and "4.8.4" not in verdicts
        assert {code for code, same in verdicts.items() if not same} == differing


def test_measure_known_only_from_headings_is_stated_once_for_both_reports():
    graph = graph_of(REPORT_2020) + graph_of(REPORT_2021)
    measure = URIRef(f"{BASE}plan/nap-2020-2024/measure/4.8.4")
    assert list(graph.objects(measure, RDF.type)) == [ATKG.Measure]
    assert len(list(graph.objects(measure, DCTERMS.title))) == 1
    assert graph.value(measure, SKOS.notation) == Literal("4.8.4")
    assert graph.value(measure, ATKG.inPlan) == URIRef(f"{BASE}plan/nap-2020-2024")
    assert graph.value(measure, SKOS.note) == Literal(
        "Known only from report headings; the plan text lacks this measure", lang="en")
    assert len(list(graph.objects(measure, PROV.wasDerivedFrom))) == 2  # one heading quote per report
    assert (URIRef(f"{BASE}plan/nap-2020-2024/measure/4.8.3"), RDF.type, ATKG.Measure) not in graph


@pytest.mark.parametrize("stem", [REPORT_2020, REPORT_2021])
def test_every_quote_is_in_the_rejoined_source(stem):
    graph, joined = graph_of(stem), rejoined(source(stem), stem=stem)
    quotes = [str(text) for text in graph.objects(None, ATKG.quotedText)]
    assert len(quotes) > 50 and all(quote in joined for quote in quotes)


def test_every_entry_is_derived_from_its_heading_and_paragraph_quotes():
    graph = graph_of(REPORT_2020)
    quotes = list(graph.objects(URIRef(f"{BASE}report/dmx-2020/entry/4.2.4"), PROV.wasDerivedFrom))
    assert len(quotes) == 4  # the heading and three paragraphs


def test_duplicate_entries_get_distinct_iris():
    text = ("Dövlət Miqrasiya Xidməti tərəfindən 2022-ci il ərzində icrası barədə\n\n"
            "4.2.1-ci yarımbənd üzrə (Birinci):\n\nBir.\n\n4.2.1-ci yarımbənd üzrə (Birinci):\n\nİki.\n")
    graph = report_graph(parse_report(text, stem="996_twice"), base=BASE, agency_iri=URIRef(f"{BASE}agency/dmx"),
                         plan_iri=iris.plan_iri(base=BASE), measure_titles={"4.2.1": "Birinci"}, agency_key="dmx",
                         measure_iri_for=lambda code: iris.plan_part_iri("measure", code, base=BASE))
    assert sorted(str(entry) for entry in graph.subjects(ATKG.inReport, None)) == [
        f"{BASE}report/dmx-2022/entry/4.2.1", f"{BASE}report/dmx-2022/entry/4.2.1-2"]


def test_report_without_a_year_cannot_be_named():
    report = parse_report("Hesabat\n\n4.2.1-ci yarımbənd üzrə (Birinci):\n\nBir.\n", stem="995_no_year")
    with pytest.raises(ReportFormatError) as raised:
        report_graph(report, base=BASE, agency_iri=URIRef(f"{BASE}agency/dmx"), plan_iri=iris.plan_iri(base=BASE),
                     measure_iri_for=lambda code: iris.plan_part_iri("measure", code, base=BASE),
                     measure_titles={}, agency_key="dmx")
    assert str(raised.value) == "995_no_year: line 1: the title states no reporting year, so the report cannot be named"


@pytest.mark.parametrize("number, written", [
    (2020, "2020-ci"), (2023, "2023-cü"), (2026, "2026-cı"), (2029, "2029-cu"), (2030, "2030-cu"),
    ("4.2.10", "4.2.10-cu"), ("4.8.4", "4.8.4-cü"), (2100, "2100-cü"), (2000, "2000-ci")])
def test_ordinal_suffixes(number, written):
    assert ordinal(number) == written


PAGE_BREAK = ["", "7", "\fDövlət Miqrasiya Xidməti | Hesabat", ""]
WRAPPED = textwrap.wrap(" ".join(["Təlim keçirilmişdir.", "Xidmət əməkdaşları iştirak etmişdir.",
                                  "Nəticələr təhlil olunmuşdur.", "Növbəti görüş planlaşdırılır.",
                                  "Materiallar paylanmışdır."] * 4), 40)


def test_page_break_after_a_wrapped_full_stop_keeps_the_paragraph():
    assert WRAPPED[4].endswith(".") and WRAPPED[5][0].isupper()
    lines = WRAPPED[:5] + PAGE_BREAK + WRAPPED[5:13] + PAGE_BREAK + WRAPPED[13:]
    report = parse_report("4.2.1-ci yarımbənd üzrə (Başlıq):\n\n" + "\n".join(lines), stem="994_pages")
    (paragraph,) = report.entries[0].paragraphs
    assert paragraph.text == " ".join(WRAPPED)


def test_page_break_after_a_short_last_line_ends_the_paragraph():
    lines = WRAPPED[:6] + ["Qısa sonluq."] + PAGE_BREAK + ["Yeni abzas başlayır."] + PAGE_BREAK + ["Son."]
    report = parse_report("4.2.1-ci yarımbənd üzrə (Başlıq):\n\n" + "\n".join(lines), stem="993_pages")
    assert [paragraph.text for paragraph in report.entries[0].paragraphs] == [
        " ".join(WRAPPED[:6] + ["Qısa sonluq."]), "Yeni abzas başlayır.", "Son."]


def test_joint_heading_gives_one_entry_per_code():
    text = ("4.7.1 və 4.7.2-ci yarımbəndlər üzrə (Təlimlər; proqramlar):\n\nTəlimlər keçirilmişdir.\n\n"
            "4.8.1, 4.8.2-ci yarım bəndlər üzrə (Maarifləndirmə):\n\nBuklet hazırlanmışdır.\n")
    report = parse_report(text, stem="992_joint")
    assert [(item.code, item.heading_title, item.text) for item in report.entries] == [
        ("4.7.1", "Təlimlər; proqramlar", "Təlimlər keçirilmişdir."),
        ("4.7.2", "Təlimlər; proqramlar", "Təlimlər keçirilmişdir."),
        ("4.8.1", "Maarifləndirmə", "Buklet hazırlanmışdır."), ("4.8.2", "Maarifləndirmə", "Buklet hazırlanmışdır.")]


def test_inline_mention_at_a_line_start_is_not_a_heading():
    text = ("4.2.1-ci yarımbənd üzrə (Birinci):\n\nBununla bağlı məlumatlar\n"
            "4.7.2-ci yarımbənddə qeyd olunmuşdur.\n")
    (only,) = parse_report(text, stem="991_mention").entries
    assert (only.text, only.cross_refs) == ("Bununla bağlı məlumatlar 4.7.2-ci yarımbənddə qeyd olunmuşdur.", ("4.7.2",))


@pytest.mark.parametrize("title, agency, year", [
    ("Tədbirlər Planında nəzərdə tutulan tədbirlərin Azərbaycan Respublikasının Ailə, Qadın və Uşaq Problemləri "
     "üzrə Dövlət Komitəsi tərəfindən 2022-ci il ərzində icrası barədə", "Ailə, Qadın və Uşaq Problemləri üzrə Dövlət Komitəsi", 2022),
    ("2020-2024-cü illər üçün Planın Daxili İşlər Nazirliyi tərəfindən 2023-cü ildə icrası haqqında hesabat",
     "Daxili İşlər Nazirliyi", 2023),
    ("Dövlət Miqrasiya Xidmətinin 2024-cü il üzrə hesabatı", None, 2024),
])
def test_agency_and_year_of_other_titles(title, agency, year):
    report = parse_report(f"{title}\n\n4.2.1-ci yarımbənd üzrə (Birinci):\n\nBir.\n", stem="989_title")
    assert (report.agency_name, report.year) == (agency, year)


def test_body_on_the_heading_line_becomes_the_first_paragraph():
    text = "4.2.1-ci yarımbənd üzrə (Başlıq (qısa)): Bu il təlim\nkeçirilmişdir.\n\nİkinci abzas.\n"
    (only,) = parse_report(text, stem="988_inline").entries
    assert (only.heading_text, only.heading_title) == ("4.2.1-ci yarımbənd üzrə (Başlıq (qısa)):", "Başlıq (qısa)")
    assert [(p.text, p.line_start, p.line_end) for p in only.paragraphs] == [
        ("Bu il təlim keçirilmişdir.", 1, 2), ("İkinci abzas.", 4, 4)]
    assert rejoined(text) == "4.2.1-ci yarımbənd üzrə (Başlıq (qısa)):\n\nBu il təlim keçirilmişdir.\n\nİkinci abzas."
