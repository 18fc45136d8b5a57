"""The plan's text parsed into records: facts from graph/sources/004_961f872eaa6ca64b.txt."""

import pytest

from atkg.graph.plan import PlanFormatError, parse_plan
from atkg.graph.sources import read_sources


@pytest.fixture(scope="module")
def plan():
    source = next(s for s in read_sources() if s.kind == "plan")
    return parse_plan(source.text, stem=source.stem)


def test_counts_of_goals_principles_sections_and_measures(plan):
    assert [g.code for g in plan.goals] == [f"2.1.{n}" for n in range(1, 8)]
    assert [p.code for p in plan.principles] == [f"2.3.{n}" for n in range(1, 7)]
    assert [s.code for s in plan.sections] == [f"4.{n}" for n in range(1, 9)]
    assert len(plan.measures) == 64


def test_codes_without_final_dot_are_measures_too(plan):
    codes = [m.code for m in plan.measures]
    assert "4.2.11" in codes and "4.3.6" in codes
    assert codes[0] == "4.1.1" and codes[-1] == "4.8.3"


def test_section_47_heading_without_bold_markers_is_found(plan):
    section = next(s for s in plan.sections if s.code == "4.7")
    assert section.title.startswith("İnsan alverinə qarşı mübarizə sahəsində fəaliyyət göstərən şəxslər")
    assert {m.code for m in plan.measures if m.section == "4.7"} == {f"4.7.{n}" for n in range(1, 8)}


def test_periods(plan):
    measures = {m.code: m for m in plan.measures}
    assert measures["4.2.10"].years == (2021, 2022)
    assert measures["4.1.1"].years == (2020, 2022)
    assert measures["4.2.1"].period == "mütəmadi" and measures["4.2.1"].years is None
    assert sum(1 for m in plan.measures if m.years is None) == 31


def test_metadata_block(plan):
    assert plan.metadata["QEYDİYYAT NÖMRƏSİ"][0] == "2173"
    assert plan.metadata["QƏBUL EDİLDİYİ TARİX"][0] == "22.07.2020"
    assert plan.metadata["QÜVVƏYƏ MİNMƏ TARİXİ"][0] == "23.07.2020"
    assert plan.metadata["HÜQUQİ AKTLARIN DÖVLƏT REYESTRİNİN QEYDİYYAT NÖMRƏSİ"][0] == "32202007222173"
    assert not any(label.startswith("4.") for label in plan.metadata)


def test_measure_row_keeps_its_line_number(plan):
    measure = next(m for m in plan.measures if m.code == "4.2.10")
    assert measure.line.raw.startswith("4.2.10.\tRespublika ərazisində turizmin inkişafı")
    assert plan.lines[measure.line.number - 1] == measure.line


def test_row_with_a_missing_field_names_file_line_and_reason(plan):
    text = "\n".join(line.raw for line in plan.lines).replace(
        "Nazirlər Kabineti, Dövlət Miqrasiya Xidməti\t2020 2021", "Nazirlər Kabineti, Dövlət Miqrasiya Xidməti")
    with pytest.raises(PlanFormatError) as error:
        parse_plan(text, stem="broken-plan")
    line = next(l.number for l in plan.lines if l.raw.startswith("4.1.6."))
    assert str(error.value) == (f"broken-plan, line {line}: a measure row needs 4 tab-separated fields "
                                "(code, title, executing bodies, period), found 3")


def test_unknown_period_is_refused(plan):
    text = "\n".join(line.raw for line in plan.lines).replace("\t2021 2022", "\tiki il")
    with pytest.raises(PlanFormatError, match=r"the period of measure 4.2.10 is neither two years nor "
                                              r"'mütəmadi': 'iki il'"):
        parse_plan(text, stem="broken-plan")


def test_text_without_a_table_is_refused():
    with pytest.raises(PlanFormatError, match=r"^empty: no measures table found"):
        parse_plan("Heç nə\n", stem="empty")
