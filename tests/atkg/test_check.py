"""atkg check: the real reports give their real findings; mutated reports (an entry dropped, a code
changed, a date broken, a heading duplicated, the file truncated, binary or wrongly encoded bytes) give
the right verdict, exit code and message; nothing in the store changes."""

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import RDF, SH

from atkg.cli import main
from atkg.graph.dataset import to_quads
from atkg.graph.sources import sources_dir
from atkg.graph.store import EmbeddedStore
from atkg.shapes import check as check_module
from atkg.shapes import check_report_text, load_context, render_verdict_text
from atkg.shapes.collector import collector_held_off
from atkg.shapes.report_source import CheckError

ATKG = str(Path(sys.executable).with_name("atkg"))
REPORT_2020, REPORT_2021 = "000_8824f00754a92447", "002_e692b092547fc0c1"
BASE = "https://w3id.org/atkg/"
ENTRY_2021 = f"{BASE}report/dmx-2021/entry/"


def source_text(stem):
    return (sources_dir() / f"{stem}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def context(built):
    settings, _ = built
    return load_context(EmbeddedStore(settings.store_dir, read_only=True), base=settings.base_iri)


def findings(verdict):
    """(severity, shape, value or focus without the base, source line) of every finding."""
    outcome = verdict.outcome
    return sorted((f.severity, f.shape.rsplit("#", 1)[1], (f.value or f.focus_node).removeprefix(BASE),
                   verdict.lines.get(f.value) or verdict.lines.get(f.focus_node))
                  for f in (*outcome.violations, *outcome.warnings, *outcome.infos))


def lines_without(text, first, last):
    """The text without its lines first..last (1-based, inclusive)."""
    lines = text.split("\n")
    return "\n".join(lines[:first - 1] + lines[last:])


def test_the_2021_report_conforms_with_its_real_findings(context):
    verdict = check_report_text(source_text(REPORT_2021), context=context, stem=REPORT_2021)
    assert (verdict.exit_code, verdict.agency_key, verdict.year) == (0, "dmx", 2021)
    assert findings(verdict) == [
        ("info", "EntryResponsibilityShape", "report/dmx-2021/entry/4.4.8", 69),
        ("info", "EntryResponsibilityShape", "report/dmx-2021/entry/4.6.6", 99),
        ("info", "ReportEntryShape", '"false"^^<http://www.w3.org/2001/XMLSchema#boolean>', 27),
        ("info", "ReportEntryShape", '"false"^^<http://www.w3.org/2001/XMLSchema#boolean>', 55),
        ("warning", "HeadingOnlyMeasureEntryShape", "report/dmx-2021/entry/4.8.4", 167),
    ]


def test_the_2021_coverage_table_lists_every_measure_the_agency_executes_that_year(context):
    verdict = check_report_text(source_text(REPORT_2021), context=context, stem=REPORT_2021)
    assert [row.code for row in verdict.coverage] == [
        "4.1.6", "4.2.1", "4.2.4", "4.2.9", "4.2.10", "4.3.3", "4.3.4", "4.3.5", "4.3.6", "4.4.9", "4.5.8", "4.6.3",
        "4.7.1", "4.7.2", "4.7.3", "4.7.4", "4.7.7", "4.8.1", "4.8.3"]
    assert all(row.covered for row in verdict.coverage)
    first = verdict.coverage[0]
    assert (first.period, first.status, first.line) == ("2020-2021", "carried-out", 7)


def test_the_2020_report_conforms_with_its_real_findings(context):
    verdict = check_report_text(source_text(REPORT_2020), context=context, stem=REPORT_2020)
    assert verdict.exit_code == 0 and len(verdict.coverage) == 18
    assert [(f[0], f[1], f[3]) for f in findings(verdict)] == [
        ("info", "EntryResponsibilityShape", 55), ("info", "EntryResponsibilityShape", 75),
        ("info", "ReportEntryShape", 27), ("info", "ReportEntryShape", 31), ("info", "ReportEntryShape", 43),
        ("warning", "HeadingOnlyMeasureEntryShape", 119),
    ]
    assert {row.code: row.status for row in verdict.coverage}["4.7.1"] == "not-carried-out"


def test_the_check_sees_the_same_graph_as_the_build(built):
    settings, _ = built
    store = EmbeddedStore(settings.store_dir, read_only=True)
    verdict = check_report_text(source_text(REPORT_2021), context=load_context(store, base=settings.base_iri),
                                stem=REPORT_2021)
    (graph_iri, graph), = verdict.graphs.items()
    stored = {str(q) for q in store.quads() if q.graph_name.value == str(graph_iri)}
    # through a store of its own: Oxigraph reports xsd:positiveInteger as xsd:integer
    checked = EmbeddedStore()
    checked.load_quads(to_quads(verdict.graphs))
    assert len(stored) > 1000 and {str(q) for q in checked.quads()} == stored


def test_dropping_an_entry_is_a_violation_naming_the_measure(context):
    text = lines_without(source_text(REPORT_2021), 7, 14)  # the 4.1.6 entry
    verdict = check_report_text(text, context=context, stem=REPORT_2021)
    assert verdict.exit_code == 1
    # No warning that the ended measure was never carried out: the 2022 report says it was (4.1.6:
    # "... Qərarı ilə təsdiq edilmişdir").
    assert [f for f in findings(verdict) if "4.1.6" in f[2]] == [
        ("violation", "ReportCoverageShape", "plan/nap-2020-2024/measure/4.1.6", 3),
    ]
    violation, = verdict.outcome.violations
    assert violation.message_en == (
        "The report has no entry for measure 4.1.6, which this agency is to carry out in 2020-2021: add an entry "
        "with the heading “4.1.6-… yarımbənd üzrə (...):”.")
    assert violation.message_az.startswith("Hesabatda 4.1.6 tədbiri üzrə hissə yoxdur")
    assert [f for f in verdict.outcome.warnings if f.shape.endswith("EndedMeasureShape")] == []
    assert [(row.code, row.covered) for row in verdict.coverage][0] == ("4.1.6", False)


def test_changing_a_measure_code_to_a_section_the_plan_lacks_is_a_violation(context):
    text = source_text(REPORT_2021).replace("**4.2.1-ci yarımbənd üzrə", "**4.9.1-ci yarımbənd üzrə")
    verdict = check_report_text(text, context=context, stem=REPORT_2021)
    assert verdict.exit_code == 1
    assert sorted((f.shape.rsplit("#", 1)[1], f.message_en) for f in verdict.outcome.violations) == [
        ("ReportCoverageShape", "The report has no entry for measure 4.2.1, which this agency is to carry out in "
                                "2020-2024: add an entry with the heading “4.2.1-… yarımbənd üzrə (...):”."),
        ("ReportEntryMeasureShape", "The heading's code 4.9.1 belongs to section 4.9, which the plan does not have: "
                                    "correct the measure code in the heading."),
    ]
    wrong, = [f for f in verdict.outcome.violations if f.shape.endswith("ReportEntryMeasureShape")]
    assert verdict.lines[wrong.value] == 15


def test_a_broken_date_is_a_warning_on_its_line(context):
    text = source_text(REPORT_2021).replace("02 mart 2021-ci il tarixdə GUAM", "02 mart 2012-ci il tarixdə GUAM")
    verdict = check_report_text(text, context=context, stem=REPORT_2021)
    assert verdict.exit_code == 0
    date, = [f for f in verdict.outcome.warnings if f.shape.endswith("EventDateShape")]
    assert date.message_en == ("The event's date (2012-03-02) is far from the report's year 2021: check the date "
                               "(the year) in the text.")
    assert verdict.lines[date.value] == 93


def test_a_duplicated_heading_is_a_violation_on_the_second_heading(context):
    lines = source_text(REPORT_2021).split("\n")
    text = "\n".join(lines[:26] + lines[22:26] + lines[26:])  # 4.2.4 (lines 23-26) twice
    verdict = check_report_text(text, context=context, stem=REPORT_2021)
    assert verdict.exit_code == 1
    duplicate, = verdict.outcome.violations
    # quotes are named by their lines too, so the copy's heading is found on its own line (27)
    assert duplicate.value == f"{ENTRY_2021}4.2.4-2" and verdict.lines[duplicate.value] == 27
    assert duplicate.message_en == ("The report has a second heading for measure 4.2.4: merge the two entries under "
                                    "one heading, or correct the code in this heading.")


def test_a_truncated_report_misses_the_measures_after_the_cut(context):
    text = "\n".join(source_text(REPORT_2021).split("\n")[:60])  # up to the 4.3.5 entry
    verdict = check_report_text(text, context=context, stem=REPORT_2021)
    missing = [row.code for row in verdict.coverage if not row.covered]
    assert missing == ["4.3.6", "4.4.9", "4.5.8", "4.6.3", "4.7.1", "4.7.2", "4.7.3", "4.7.4", "4.7.7", "4.8.1", "4.8.3"]
    assert verdict.exit_code == 1 and len(verdict.outcome.violations) == 11


def test_a_report_cut_before_its_first_heading_cannot_be_checked(context):
    text = "\n".join(source_text(REPORT_2021).split("\n")[:6])
    with pytest.raises(CheckError) as raised:
        check_report_text(text, context=context, stem=REPORT_2021)
    assert str(raised.value) == (f"{REPORT_2021}: not recognised as the plan or a report (no measures table, no "
                                 "'yarımbənd üzrə' headings, no programme rows): this is not a yearly report")


def test_the_agency_and_year_come_from_the_options_when_the_title_lacks_them(context):
    text = "Hesabat\n\n" + "\n".join(source_text(REPORT_2021).split("\n")[6:])
    with pytest.raises(CheckError) as raised:
        check_report_text(text, context=context, stem="005_draft")
    assert str(raised.value) == "005_draft: the title does not say which body reports: give --agency (e.g. --agency dmx)"
    verdict = check_report_text(text, agency="DMX", year=2021, context=context, stem="005_draft")
    assert (verdict.exit_code, verdict.report_iri) == (0, f"{BASE}report/dmx-2021")
    assert verdict.coverage[0].line == 3  # the line of the draft itself, not of the added title


def test_options_that_contradict_the_title_are_refused(context):
    with pytest.raises(CheckError) as raised:
        check_report_text(source_text(REPORT_2021), year=2022, context=context, stem=REPORT_2021)
    assert str(raised.value) == f"{REPORT_2021}: the title says 2021 but --year says 2022"


def test_the_text_verdict_has_table_problems_with_lines_and_a_summary(context):
    text = lines_without(source_text(REPORT_2021), 7, 14)
    verdict = check_report_text(text, context=context, stem=REPORT_2021)
    rendered = render_verdict_text(verdict, language="en")
    # one warning, about 4.8.4; none about 4.1.6, which the 2022 report says was carried out
    assert "  4.1.6   2020-2021  MISSING" in rendered
    assert "    line 3  VIOLATION: The report has no entry for measure 4.1.6" in rendered
    assert rendered.endswith("Summary: the report does NOT conform: 1 violation(s) to fix before ingest (18 of 19 "
                             "measures covered; 1 warning(s), 4 note(s)).\n")
    assert "Dövlət Miqrasiya Xidməti orqanının 2021-ci ildə icra etdiyi tədbirlər" in render_verdict_text(
        verdict, language="az")
    assert render_verdict_text(verdict, language="az").endswith(
        "Nəticə: hesabat tələblərə UYĞUN DEYİL: əlavə etməzdən əvvəl 1 xəta düzəldilməlidir (19 tədbirdən 18 əhatə "
        "olunub; 1 xəbərdarlıq, 4 qeyd).\n")


# The command line


def run(built, *arguments):
    settings, _ = built
    return CliRunner().invoke(main, ["check", *map(str, arguments)], env={"ATKG_DATA_DIR": str(settings.data_dir)})


def store_quads(built):
    settings, _ = built
    return sorted(str(quad) for quad in EmbeddedStore(settings.store_dir, read_only=True).quads())


def test_check_command_on_a_real_report_exits_0_and_changes_nothing(built):
    before = store_quads(built)
    result = run(built, sources_dir() / f"{REPORT_2021}.txt", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Report {REPORT_2021}: State Migration Service (dmx), 2021\n")
    assert result.stdout.endswith("Summary: the report conforms (19 of 19 measures covered; 1 warning(s), 4 note(s)).\n")
    assert store_quads(built) == before


def test_check_command_exits_1_on_violations(built, tmp_path):
    report = tmp_path / "005_dropped.txt"
    report.write_text(lines_without(source_text(REPORT_2021), 7, 14), encoding="utf-8")
    result = run(built, report)
    assert result.exit_code == 1
    assert "XƏTA: Hesabatda 4.1.6 tədbiri üzrə hissə yoxdur" in result.stdout


def test_check_command_writes_the_standard_shacl_report_in_turtle(built, tmp_path):
    report = tmp_path / "005_dropped.txt"
    report.write_text(lines_without(source_text(REPORT_2021), 7, 14), encoding="utf-8")
    result = run(built, report, "--format", "turtle")
    graph = Graph().parse(data=result.stdout, format="turtle")
    validation_report = graph.value(None, RDF.type, SH.ValidationReport)
    assert result.exit_code == 1 and validation_report is not None
    assert graph.value(validation_report, SH.conforms).toPython() is False
    assert len(list(graph.objects(validation_report, SH.result))) == 6  # 1 violation, 1 warning, 4 notes


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "the file is empty: nothing to check"),
    ("blank.txt", b"  \n\n ", "the file is empty: nothing to check"),
    ("scan.pdf", b"%PDF-1.4\x00\x01\x02binary", "the file is binary (it holds NUL bytes), not text: save the report "
                                               "as plain UTF-8 text (.txt)"),
    ("utf16.txt", "4.2.1-ci yarımbənd üzrə (Birinci):".encode("utf-16"),
     "the file is binary (it holds NUL bytes), not text: save the report as plain UTF-8 text (.txt)"),
    ("turkish.txt", "4.2.1 İnsan alverinə qarşı".encode("cp1254", errors="replace"),
     "not UTF-8 text (byte 6): save the report as UTF-8 text"),
])
def test_check_command_exits_2_on_files_it_cannot_read(built, tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    result = run(built, path, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == f"atkg check: cannot run: {path}: {message}\n"


def test_check_command_exits_2_on_a_file_cut_inside_a_letter(built, tmp_path):
    data = (sources_dir() / f"{REPORT_2021}.txt").read_bytes()
    cut = data.index("ə".encode()) + 1
    path = tmp_path / "cut.txt"
    path.write_bytes(data[:cut])
    result = run(built, path, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == f"atkg check: cannot run: {path}: not UTF-8 text (byte {cut - 1}): save the report as UTF-8 text\n"


def test_check_command_exits_2_on_the_plan_and_on_a_missing_file(built, tmp_path):
    result = run(built, sources_dir() / "004_961f872eaa6ca64b.txt", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == ("atkg check: cannot run: 004_961f872eaa6ca64b: this is a plan, not a yearly report: "
                             "only yearly reports can be checked\n")
    missing = run(built, tmp_path / "nowhere.txt", "--lang", "en")
    assert missing.exit_code == 2
    assert missing.stderr == f"atkg check: cannot run: {tmp_path / 'nowhere.txt'}: cannot be read: No such file or directory\n"


def test_file_reading_errors_speak_azerbaijani_with_lang_az(built, tmp_path):
    empty, cut = tmp_path / "empty.txt", tmp_path / "cut.txt"
    empty.write_bytes(b"")
    cut.write_bytes("Hesabat ə".encode("utf-8")[:-1])
    assert run(built, empty, "--lang", "az").stderr == \
        f"atkg check: işləyə bilmir: {empty}: fayl boşdur: yoxlanılacaq heç nə yoxdur\n"
    assert run(built, cut).stderr == (f"atkg check: işləyə bilmir: {cut}: UTF-8 mətni deyil (bayt 8): hesabatı "
                                      "UTF-8 mətni kimi saxlayın\n")
    assert run(built, tmp_path / "nowhere.txt", "--lang", "az").stderr == \
        f"atkg check: işləyə bilmir: {tmp_path / 'nowhere.txt'}: oxuna bilmir: belə fayl və ya qovluq yoxdur\n"


def test_atkg_lists_check_and_ingest():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "  check " in result.output and "  ingest " in result.output


def test_check_command_explains_itself():
    result = CliRunner().invoke(main, ["check", "--help"])
    assert result.exit_code == 0
    assert "Exit code 0: the report conforms" in " ".join(result.output.split())


# The same mutations on the 2020 report


def test_2020_dropping_the_4_2_1_entry_is_a_violation(context):
    text = lines_without(source_text(REPORT_2020), 11, 18)  # the 4.2.1 entry
    verdict = check_report_text(text, context=context, stem=REPORT_2020)
    assert verdict.exit_code == 1
    violation, = verdict.outcome.violations
    assert violation.message_en.startswith("The report has no entry for measure 4.2.1, which this agency is to "
                                           "carry out in 2020-2024")
    assert [row.code for row in verdict.coverage if not row.covered] == ["4.2.1"]


def test_2020_a_heading_code_outside_the_plan_is_a_violation_on_its_line(context):
    text = source_text(REPORT_2020).replace("4.2.9-cu yarımbənd üzrə", "5.2.9-cu yarımbənd üzrə")
    verdict = check_report_text(text, context=context, stem=REPORT_2020)
    wrong, = [f for f in verdict.outcome.violations if f.shape.endswith("ReportEntryMeasureShape")]
    assert wrong.message_en == ("The heading's code 5.2.9 belongs to section 5.2, which the plan does not have: "
                                "correct the measure code in the heading.")
    assert verdict.lines[wrong.value] == 27 and verdict.exit_code == 1


def test_2020_a_date_moved_to_another_decade_is_a_warning(context):
    text = source_text(REPORT_2020).replace("12.11.2020-ci il tarixdə", "12.11.2030-cu il tarixdə")
    verdict = check_report_text(text, context=context, stem=REPORT_2020)
    date, = [f for f in verdict.outcome.warnings if f.shape.endswith("EventDateShape")]
    assert date.message_en.startswith("The event's date (2030-11-12) is far from the report's year 2020")
    assert verdict.lines[date.value] == 115 and verdict.exit_code == 0  # its sentence starts on 115, the date is on 117


def test_2020_a_duplicated_heading_is_a_violation(context):
    lines = source_text(REPORT_2020).split("\n")
    text = "\n".join(lines[:30] + lines[26:30] + lines[30:])  # the 4.2.9 entry (lines 27-30) twice
    verdict = check_report_text(text, context=context, stem=REPORT_2020)
    duplicate, = verdict.outcome.violations
    assert duplicate.value == f"{BASE}report/dmx-2020/entry/4.2.9-2" and verdict.exit_code == 1


class QueryOnlyStore:
    """A store that only answers queries, as a remote SPARQL store does."""

    def __init__(self, store):
        self.store = store

    def query(self, sparql):
        return self.store.query(sparql)


def test_a_context_read_through_queries_equals_one_read_from_the_quads(built, context):
    settings, _ = built
    store = EmbeddedStore(settings.store_dir, read_only=True)
    queried = load_context(QueryOnlyStore(store), base=settings.base_iri)
    assert sorted(queried.graphs) == sorted(context.graphs) and len(queried.graphs) >= 7
    assert all(set(queried.graphs[name]) == set(context.graphs[name]) for name in context.graphs)
    assert not any(str(name).endswith("graph/inferred") for name in queried.graphs)


def test_a_check_holds_the_garbage_collector_off_and_leaves_it_as_it_was(context, monkeypatch):
    seen = []
    validate = check_module._validate
    monkeypatch.setattr(check_module, "_validate", lambda *args, **kwargs: seen.append(gc.isenabled()) or
                        validate(*args, **kwargs))
    check_report_text(source_text(REPORT_2021), context=context, stem=REPORT_2021)
    assert seen == [False] and gc.isenabled()
    with pytest.raises(CheckError):
        check_report_text("", context=context, stem="empty")
    assert gc.isenabled()


def test_overlapping_holds_enable_the_collector_once_the_last_ends_and_only_if_it_was_enabled():
    with collector_held_off():
        with collector_held_off():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_held_off():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_console_script_exits_with_the_commands_code_and_says_why(built, tmp_path):
    """`atkg` as installed (atkg.cli.run, which exits without freeing what it read): the same exit codes
    and messages as the command itself."""
    settings, _ = built
    env = {**os.environ, "ATKG_DATA_DIR": str(settings.data_dir)}
    missing = subprocess.run([ATKG, "check", str(tmp_path / "none.txt"), "--lang", "en"], capture_output=True,
                             text=True, env=env)
    assert (missing.returncode, missing.stderr) == (
        2, f"atkg check: cannot run: {tmp_path / 'none.txt'}: cannot be read: No such file or directory\n")
    real = subprocess.run([ATKG, "check", str(sources_dir() / f"{REPORT_2021}.txt"), "--lang", "en"],
                          capture_output=True, text=True, env=env)
    assert real.returncode == 0 and real.stdout.endswith(
        "\n\nSummary: the report conforms (19 of 19 measures covered; 1 warning(s), 4 note(s)).\n")
    version = subprocess.run([ATKG, "--version"], capture_output=True, text=True)
    assert (version.returncode, version.stdout) == (0, "atkg, version 0.1.0\n")


@pytest.mark.parametrize(("title_year", "option", "year"), [("2030-cu", None, 2030), ("2019-cu", None, 2019),
                                                            (None, 2025, 2025)])
def test_a_report_on_a_year_outside_the_plan_cannot_be_checked(context, title_year, option, year):
    text = source_text(REPORT_2021)
    if title_year:
        text = text.replace("tərəfindən 2021-ci il ərzində", f"tərəfindən {title_year} il ərzində")
    else:
        text = text.replace("tərəfindən 2021-ci il ərzində", "tərəfindən il ərzində")
    with pytest.raises(CheckError) as raised:
        check_report_text(text, year=option, context=context, stem="005_report")
    assert str(raised.value) == (f"005_report: the report is on {year}, but the plan runs from 2020 to 2024: "
                                 "check the year in the title (or --year); nothing was changed")


def test_a_report_with_no_entry_about_a_measure_of_the_plan_cannot_be_checked(context):
    text = source_text(REPORT_2021)
    for code in ("4.1.6", "4.2.1", "4.2.4", "4.2.9", "4.2.10", "4.3.3", "4.3.4", "4.3.5", "4.3.6", "4.4.8", "4.4.9",
                 "4.5.8", "4.6.3", "4.6.6", "4.7.1", "4.7.2", "4.7.3", "4.7.4", "4.7.7", "4.8.1", "4.8.3", "4.8.4"):
        text = text.replace(f"**{code}-", f"**9.{code[2:]}-")  # another plan's numbers in every heading
    with pytest.raises(CheckError) as raised:
        check_report_text(text, context=context, stem="005_report")
    assert str(raised.value) == ("005_report: none of the report's entries is about a measure of the plan "
                                 "(headings like “4.2.1-ci yarımbənd üzrə”): is it a report on another plan? "
                                 "nothing was changed")


@pytest.mark.parametrize("language, message", [
    ("en", "the report is 5000000000 bytes, more than the 250000 bytes a report may have (a yearly report is "
           "20-60 KB): check that the file is the report's text alone"),
    ("az", "hesabat 5000000000 baytdır, hesabatın ola biləcəyi 250000 baytdan çoxdur (illik hesabat 20-60 KB "
           "olur): faylın yalnız hesabatın mətni olduğunu yoxlayın"),
])
@pytest.mark.parametrize("command", ["check", "ingest"])
def test_a_file_over_the_size_limit_is_refused_before_it_is_read(built, tmp_path, command, language, message):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as file:
        file.truncate(5_000_000_000)  # sparse: reading it whole would take minutes and 5 GB of memory
    settings, _ = built
    result = CliRunner().invoke(main, [command, str(huge), "--lang", language],
                                env={"ATKG_DATA_DIR": str(settings.data_dir)})
    cannot_run = {"en": "cannot run", "az": "işləyə bilmir"}[language]
    assert (result.exit_code, result.stderr) == (2, f"atkg {command}: {cannot_run}: {huge}: {message}\n")


def test_the_size_limit_is_in_the_help_and_the_code():
    from atkg.shapes.report_source import MAX_REPORT_BYTES

    for command in ("check", "ingest"):
        assert "larger than 250,000 bytes" in " ".join(CliRunner().invoke(main, [command, "--help"]).output.split())
    assert MAX_REPORT_BYTES == 250_000


def test_a_check_longer_than_its_time_limit_is_stopped_with_exit_2(built):
    settings, _ = built
    report = sources_dir() / f"{REPORT_2021}.txt"  # checked in a second or more: far past 0.05 s
    result = CliRunner().invoke(main, ["check", str(report), "--lang", "en"],
                                env={"ATKG_DATA_DIR": str(settings.data_dir), "ATKG_CHECK_TIMEOUT": "0.05"})
    assert (result.exit_code, result.stderr) == (2, (
        "atkg check: cannot run: The check took longer than its limit of 0.05 seconds and was stopped: nothing was "
        "kept. A yearly report of 20-60 KB is checked in a few seconds; try again in a moment, or check that the "
        "file is one report's text alone.\n"))
