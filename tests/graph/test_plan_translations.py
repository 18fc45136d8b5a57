"""The curated English titles (graph/curated/plan-en.yaml) cover exactly the plan's codes, in English."""

import importlib.resources
import re

import pytest
import yaml

PLAN_SOURCE = "004_961f872eaa6ca64b.txt"
MEASURE_KNOWN_ONLY_FROM_REPORTS = "4.8.4"
# Letters an English text never needs; their presence means an untranslated Azerbaijani word.
AZERBAIJANI_ONLY_LETTERS = set("əığşçöüƏİĞŞÇÖÜ")
# Variants that would break the fixed terminology the file's header sets.
INCONSISTENT_TERMS = re.compile(
    r"\b(human trafficking|trafficking in persons|NGOs?|referral system|hot line|law enforcement bodies)\b", re.IGNORECASE
)

TABLE_ROW = re.compile(r"^(?:<b>)?(4(?:\.\d+){1,2})\.?[ \t].*\t", re.MULTILINE)
GOAL = re.compile(r"^2\.1\.(\d+)\. ", re.MULTILINE)
PRINCIPLE = re.compile(r"^2\.3\.(\d+)\. ", re.MULTILINE)


def numeric(code):
    """Sort key for a dotted code: 4.1.10 comes after 4.1.9."""
    return tuple(int(part) for part in code.split("."))


@pytest.fixture(scope="module")
def plan_text():
    """The plan's source text, as packaged."""
    return (importlib.resources.files("atkg.graph") / "sources" / PLAN_SOURCE).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def translations():
    """The curated translations, loaded from the package resource."""
    resource = importlib.resources.files("atkg.graph") / "curated" / "plan-en.yaml"
    return yaml.safe_load(resource.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plan_codes(plan_text):
    """Codes found in the plan: goals, principles, section rows and measure rows of the table."""
    table = TABLE_ROW.findall(plan_text)
    return {
        "goals": [f"2.1.{n}" for n in GOAL.findall(plan_text)],
        "principles": [f"2.3.{n}" for n in PRINCIPLE.findall(plan_text)],
        "sections": [code for code in table if code.count(".") == 1],
        "measures": [code for code in table if code.count(".") == 2],
    }


def all_values(translations):
    """Every translated string in the file, with a label saying where it sits."""
    values = [(f"plan.{key}", value) for key, value in translations["plan"].items()]
    for group in ("goals", "principles", "sections", "measures"):
        values += [(f"{group}.{code}", value) for code, value in translations[group].items()]
    return values


def test_plan_source_has_the_expected_numbers_of_codes(plan_codes):
    counts = {group: len(codes) for group, codes in plan_codes.items()}
    assert counts == {"goals": 7, "principles": 6, "sections": 8, "measures": 64}
    assert plan_codes["measures"][-1] == "4.8.3"
    assert {"4.2.11", "4.3.6"} <= set(plan_codes["measures"])


def test_translations_cover_exactly_the_plan_codes_plus_the_report_only_measure(translations, plan_codes):
    assert MEASURE_KNOWN_ONLY_FROM_REPORTS not in plan_codes["measures"]
    for group in ("goals", "principles", "sections"):
        assert set(translations[group]) == set(plan_codes[group]), group
    assert set(translations["measures"]) == set(plan_codes["measures"]) | {MEASURE_KNOWN_ONLY_FROM_REPORTS}
    assert [len(translations[g]) for g in ("goals", "principles", "sections", "measures")] == [7, 6, 8, 65]


def test_plan_and_order_titles_are_translated(translations):
    assert set(translations["plan"]) == {"title", "order_title"}
    title = translations["plan"]["title"]
    assert title.startswith("National Action Plan on combating trafficking in human beings")
    assert translations["plan"]["order_title"] == f"On approval of the {title}"


def test_codes_are_in_numeric_order_in_the_file(translations):
    assert list(translations) == ["plan", "goals", "principles", "sections", "measures"]
    for group in ("goals", "principles", "sections", "measures"):
        codes = list(translations[group])
        assert codes == sorted(codes, key=numeric), group


def test_every_value_is_a_non_empty_english_string(translations):
    values = all_values(translations)
    assert len(values) == 2 + 7 + 6 + 8 + 65
    for label, value in values:
        assert isinstance(value, str) and value.strip() == value and value, label
        assert value[0].isascii() and value[0].isupper(), label
        assert not AZERBAIJANI_ONLY_LETTERS & set(value), label


def test_terminology_is_consistent(translations):
    for label, value in all_values(translations):
        assert not INCONSISTENT_TERMS.search(value), label
    measures = translations["measures"]
    assert "National Referral Mechanism" in measures["4.1.9"]
    assert "State Labour Inspection Service" in measures["4.2.11"]
    assert "the special police unit" in measures["4.3.1"]
