"""Implementation status and COVID phrases of the 2020 and 2021 report entries."""

from pathlib import Path

import pytest

from atkg.graph.reports import StatusFinding, implementation_status, is_covid_affected, parse_report

SOURCES = Path(__file__).resolve().parents[2] / "graph" / "sources"
REPORT_2020 = "000_8824f00754a92447"
REPORT_2021 = "002_e692b092547fc0c1"


def entries(stem):
    """Code → entry of a real report, and the report's year."""
    report = parse_report((SOURCES / f"{stem}.txt").read_text(encoding="utf-8"), stem=stem)
    return {entry.code: entry for entry in report.entries}, report.year


def status(stem, code):
    """The status finding of one entry."""
    found, year = entries(stem)
    return implementation_status(found[code].text, report_year=year)


@pytest.mark.parametrize("stem, code, expected", [
    (REPORT_2020, "4.8.1", ("reported-elsewhere", "Bununla bağlı məlumatlar 4.2.1-ci yarımbənddə qeyd olunmuşdur")),
    (REPORT_2020, "4.7.4", ("reported-elsewhere", "Bununla bağlı məlumatlar 4.7.2-ci yarımbənddə qeyd olunmuşdur")),
    (REPORT_2020, "4.2.10", ("planned", "2021-ci ildə həyata keçirilməsi nəzərdə tutulmuşdur")),
    (REPORT_2020, "4.3.3", ("planned", "nəzərdə tutulmuşdur")),
    (REPORT_2020, "4.2.1", ("carried-out", "təmin edilmişdir")),
    (REPORT_2020, "4.6.6", ("carried-out", "imzalanmışdır")),
    (REPORT_2020, "4.4.9", ("carried-out", "görülmüşdür")),
    (REPORT_2020, "4.7.1", ("not-carried-out", "keçirilməmişdir")),
    (REPORT_2020, "4.3.5", ("no-cases", "faktı qeydə alınmamışdır")),
    (REPORT_2020, "4.4.8", ("no-cases", "müraciət daxil olmamışdır")),
    (REPORT_2020, "4.8.4", ("ongoing", "qiymətləndirilməsi aparılır")),
    (REPORT_2020, "4.7.7", ("ongoing", "cəlb olunurlar")),
    (REPORT_2021, "4.2.9", ("no-cases", "məlumat daxil olmamışdır")),
    (REPORT_2021, "4.3.4", ("no-cases", "aşkar edilməmişdir")),
    (REPORT_2021, "4.7.4", ("carried-out", "təmin olunmuşdur")),
])
def test_status_of_real_entries(stem, code, expected):
    finding = status(stem, code)
    assert (finding.status, finding.evidence) == expected


def test_2020_4_1_6_is_planned_for_2021():
    finding = status(REPORT_2020, "4.1.6")
    assert finding.status == "planned"
    assert finding.evidence.startswith("2021-ci il ərzində xidmət sektorunda")
    assert finding.evidence.endswith("təkliflərin hazırlanması nəzərdə tutulmuşdur")


@pytest.mark.parametrize("stem", [REPORT_2020, REPORT_2021])
def test_every_entry_has_a_status_whose_evidence_is_in_its_text(stem):
    found, year = entries(stem)
    findings = {code: implementation_status(entry.text, report_year=year) for code, entry in found.items()}
    assert len(findings) == 22
    assert all(finding.evidence and finding.evidence in found[code].text for code, finding in findings.items())


def test_a_year_not_after_the_report_year_is_not_planned():
    text = "2020-ci ildə tədbirlərin keçirilməsi nəzərdə tutulmuşdur. Tədbirlər keçirilməmişdir."
    assert implementation_status(text, report_year=2020).status == "not-carried-out"
    assert implementation_status("2021-ci ildə keçirilməsi nəzərdə tutulmuşdur.", report_year=2020).status == "planned"


def test_a_text_with_no_status_phrase_is_not_stated():
    finding = implementation_status("Xidmət bu sahədə maraqlıdır")
    assert (finding.status, finding.evidence) == ("not-stated", "")


def test_covid_phrases():
    found, _ = entries(REPORT_2020)
    assert is_covid_affected(found["4.2.1"].text) == "Koronavirus"
    assert is_covid_affected(found["4.7.1"].text) == "karantin rejimi"
    assert is_covid_affected(found["4.8.3"].text) is None
    later, _ = entries(REPORT_2021)
    assert is_covid_affected(later["4.2.10"].text) == "koronavirus"
    assert is_covid_affected("Pandemiya dövründə işlər dayandırılmışdır.") == "Pandemiya"


def test_covid_affected_entries_of_2020():
    found, _ = entries(REPORT_2020)
    assert sorted(code for code, entry in found.items() if is_covid_affected(entry.text)) == [
        "4.2.1", "4.2.9", "4.7.1", "4.7.2"]


def test_the_plans_own_years_do_not_make_an_entry_planned():
    text = "Tədbir 2020-2024-cü illər üçün Milli Fəaliyyət Planında nəzərdə tutulmuşdur. İşlər davam etdirilir."
    assert implementation_status(text, report_year=2021) == StatusFinding("ongoing", "davam etdirilir")
