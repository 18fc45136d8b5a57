"""The verdict's words, pinned in both languages: they come from the catalogue and say what they said when
they had a dictionary of their own in render.py."""

from types import SimpleNamespace

from atkg.shapes.render import render_findings, render_verdict_text

EXPECTED = {
    "az": """Hesabat 005_x: Dövlət Miqrasiya Xidməti (dmx), 2021
Qrafdakı əvvəlki variantı əvəz edir: g1, g2

Dövlət Miqrasiya Xidməti orqanının 2021-ci ildə icra etdiyi tədbirlər (Planın cədvəli)
  nömrə  müddət     hissə   icra vəziyyəti  sətir
  4.2.1  2020-2024  var     İcra olunub     12
  4.2.2  2021       YOXDUR
  4.3.1  2022       var     (oxunmadı)      40

Problemlər:
     sətir 7  XƏTA: v1-az
     sətir -  xəbərdarlıq: w2-az
     sətir 9  xəbərdarlıq: w1-az
     sətir 9  qeyd: i1-az

Nəticə: hesabat tələblərə UYĞUN DEYİL: əlavə etməzdən əvvəl 1 xəta düzəldilməlidir (3 tədbirdən 2 əhatə olunub; \
2 xəbərdarlıq, 1 qeyd).
""",
    "en": """Report 005_x: State Migration Service (dmx), 2021
Replaces the version already in the graph: g1, g2

Measures State Migration Service executes in 2021 (plan's table)
  code   period     entry    status found  line
  4.2.1  2020-2024  yes      Carried out   12
  4.2.2  2021       MISSING
  4.3.1  2022       yes      (not read)    40

Problems:
      line 7  VIOLATION: v1-en
      line -  warning: w2-en
      line 9  warning: w1-en
      line 9  note: i1-en

Summary: the report does NOT conform: 1 violation(s) to fix before ingest (2 of 3 measures covered; \
2 warning(s), 1 note(s)).
""",
}


def finding(severity, text, *, value=None, focus="f1"):
    return SimpleNamespace(severity=severity, message=lambda language: f"{text}-{language}", value=value,
                           focus_node=focus, shape=f"https://example.org/shapes#S{severity}")


def verdict(*, conforms):
    rows = [SimpleNamespace(code="4.2.1", period="2020-2024", covered=True, status="carried-out", line=12),
            SimpleNamespace(code="4.2.2", period="2021", covered=False, status=None, line=None),
            SimpleNamespace(code="4.3.1", period="2022", covered=True, status=None, line=40)]
    if conforms:
        outcome = SimpleNamespace(violations=[], warnings=[], infos=[], conforms=True)
    else:
        outcome = SimpleNamespace(violations=[finding("violation", "v1", value="e1")],
                                  warnings=[finding("warning", "w1"), finding("warning", "w2", focus="nowhere")],
                                  infos=[finding("info", "i1")], conforms=False)
    return SimpleNamespace(stem="005_x", agency_name="Dövlət Miqrasiya Xidməti", agency_key="dmx", year=2021,
                           agency_name_en="State Migration Service",
                           replaces=[] if conforms else ["g1", "g2"], coverage=rows, outcome=outcome,
                           lines={"e1": 7, "f1": 9})


def test_the_verdict_text_says_the_same_words_in_each_language():
    for language, expected in EXPECTED.items():
        assert render_verdict_text(verdict(conforms=False), language=language) == expected


def test_a_conforming_verdict_says_so_and_that_there_are_no_problems():
    text = render_verdict_text(verdict(conforms=True), language="az")
    assert "Problemlər:\n  Problem tapılmadı.\n" in text
    assert text.endswith("Nəticə: hesabat tələblərə uyğundur (3 tədbirdən 2 əhatə olunub; 0 xəbərdarlıq, 0 qeyd).\n")
    assert render_verdict_text(verdict(conforms=True), language="en").endswith(
        "Problems:\n  No problems found.\n\nSummary: the report conforms (2 of 3 measures covered; 0 warning(s), "
        "0 note(s)).\n")


def test_the_build_findings_name_their_severity_in_each_language():
    outcome = verdict(conforms=False).outcome
    assert render_findings(outcome, language="az") == [
        "XƏTA: Sviolation on <f1>: v1-az", "xəbərdarlıq: Swarning on <f1>: w1-az",
        "xəbərdarlıq: Swarning on <nowhere>: w2-az", "qeyd: Sinfo on <f1>: i1-az"]
    assert render_findings(outcome)[0] == "VIOLATION: Sviolation on <f1>: v1-en"
