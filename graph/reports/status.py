"""An entry's implementation status, read from its Azerbaijani text, with the phrase that decided it.

Rules are tried in this order; within a rule the earliest phrase in the text wins. The order comes from
reading every entry of the 2020 and 2021 State Migration Service reports, which mix signals:

1. reported-elsewhere: the whole text is one sentence pointing to another entry ("Bununla bağlı
   məlumatlar 4.2.1-ci yarımbənddə qeyd olunmuşdur."). Nothing else is said, so nothing else can decide.
2. carried-out, named completions ("təmin edilmişdir", "keçirilmişdir", "imzalanmışdır", ...): a concrete
   thing done in the year outweighs everything else the entry says. 2020 4.2.1 says wide awareness work
   "mümkün olmamışdır" yet a brochure was made and distributed ("təmin edilmişdir"): the measure (prepare
   and spread materials) was carried out. 2020 4.4.9 says some persons were reintegrated
   ("tədbirlər görülmüşdür") and that none of them were victims ("olmamışdır"): carried out, not "no cases".
3. not-carried-out ("mümkün olmamışdır", "keçirilməmişdir"): nothing done, and the entry says so (2020 4.7.1:
   "geniş maarifləndirmə tədbirləri keçirilməmişdir" because of the quarantine).
4. planned for a later year ("2021-ci ildə həyata keçirilməsi nəzərdə tutulmuşdur" in the 2020 report,
   4.1.6 and 4.2.10): the work is put off. It comes after 3 because a report's status is about its year.
5. no-cases ("müraciət daxil olmamışdır", "faktı qeydə alınmamışdır", "aşkar edilməmişdir"): the measure
   waits on cases and none came. Before "ongoing" because a zero for the year is specific, while "davam
   etdirilir" is boilerplate repeated every year (2020 4.3.5 says both).
6. ongoing ("davam etdirilir", "davam etdirilmişdir", "mütəmadi olaraq ... aparılır", a habitual present
   tense at the end of a sentence such as "xüsusi önəm verilir", "əməkdaşlıq edir").
7. carried-out, any other perfective past verb ending a clause ("...-mışdır"), leaving out those that do
   not report work done ("nəzərdə tutulmuşdur", "qeyd olunmuşdur", "dayandırılmışdır", ...).
8. planned, "nəzərdə tutulmuşdur" with no later year (2020 4.3.3 only restates what is envisaged).
Otherwise the status is "not-stated" with empty evidence: unknown stays unknown.
"""

import re

from atkg.graph.reports.model import StatusFinding

NOT_STATED = "not-stated"
_CODE_LIST = r"\d+(?:\.\d+)+(?:\s*-\s*c[iıuü])?(?:\s*(?:,|və)\s*\d+(?:\.\d+)+(?:\s*-\s*c[iıuü])?)*"
_ELSEWHERE = re.compile(rf"^\s*(?P<phrase>[^.!?\n]*?{_CODE_LIST}\s+yarım\s*bənd\w*[^.!?\n]*?)[.!]?\s*$")
_FUTURE = re.compile(r"(?<![\d-])(?P<year>\d{4})\s*-\s*c[iıuü]\s+il(?!lər)[^.]*?nəzərdə\s+tutul(?:muşdur|ur)"
                     r"|(?:gələn|növbəti|qarşıdakı)\s+il[^.]*?nəzərdə\s+tutul(?:muşdur|ur)")
_DONE = ("təmin edilmişdir", "təmin olunmuşdur", "keçirilmişdir", "imzalanmışdır", "hazırlanmışdır",
         "təsdiq edilmişdir", "təsdiq olunmuşdur", "təqdim edilmişdir", "təqdim olunmuşdur", "göndərilmişdir",
         "verilmişdir", "görülmüşdür", "təşkil edilmişdir", "təşkil olunmuşdur", "iştirak etmişdir",
         "iştirak etmişlər", "cəlb olunmuşdur", "cəlb edilmişdir", "müzakirə olunmuşdur", "müzakirə edilmişdir",
         "işıqlandırılmışdır", "yerləşdirilmişdir", "yayımlanmışdır", "paylanılmışdır", "təyin edilmişdir",
         "əldə etmişlər", "əldə edilmişdir", "qəbul edilmişdir", "cavablandırılmışdır", "araşdırılmışdır",
         "məlumatlandırılmışdır", "tamamlanmışdır", "icra olunmuşdur", "icra edilmişdir", "yaradılmışdır")
_NOT_DONE = ("mümkün olmamışdır", "mümkün olmayıb", r"\w*keçirilməmişdir", r"icra (?:olunmamışdır|edilməmişdir)",
             "təxirə salınmışdır")
_NO_CASES = (r"(?:(?:müraciət|məlumat|məktub|şikayət|sorğu)\w*\s+)?daxil olmamışdır",
             r"(?:faktı\s+)?qeydə alınmamışdır", r"aşkar (?:edilməmişdir|olunmamışdır)",
             r"müəyyən (?:edilməmişdir|olunmamışdır)", "rast gəlinməmişdir",
             r"(?:şəxs|vətəndaş|hal|fakt|müraciət)\w*\s+olmamışdır")
_ONGOING = ("davam etdirilir", "davam etdirilmişdir", "davam edir", "davam etdirilməkdədir",
            r"mütəmadi olaraq[^.]*?aparılır",
            r"\w+\s+\w+(?:ılır|ilir|ulur|ülür|unur|ünür|ınır|inir)(?:lar|lər)?(?=[.;])",
            r"\w+\s+(?:edir|göstərir|keçirir)(?=[.;])")
_PAST = r"\w+\s+\w+(?:mış|miş|muş|müş)(?:dır|dir|dur|dür)(?:lar|lər)?\b"
_NOT_WORK = re.compile(r"(?:ma|mə)(?:mış|miş)|nəzərdə tutulmuş|qeyd olunmuş|dayandırılmış|\bolmuş|yaratmış|"
                       r"artmış|azalmış")
_PLANNED = ("nəzərdə tutulmuşdur", "nəzərdə tutulur", "planlaşdırılır", "planlaşdırılmışdır")
_COVID = re.compile(r"koronavirus|covid-19|covid|karantin\s+rejim\w*|pandemiya", re.IGNORECASE)


def implementation_status(entry_text, *, report_year=None):
    """The status of an entry (a slug of the implementation-status code list) and its evidence phrase."""
    whole = _ELSEWHERE.match(entry_text)
    if whole:
        return StatusFinding("reported-elsewhere", whole["phrase"].strip())
    for status, finder in _RULES:
        phrase = finder(entry_text, report_year)
        if phrase:
            return StatusFinding(status, phrase)
    return StatusFinding(NOT_STATED, "")


def is_covid_affected(entry_text):
    """The phrase that ties the entry to COVID-19 or the quarantine regime, or None."""
    match = _COVID.search(entry_text)
    return match.group(0) if match else None


def _earliest(patterns):
    """A finder returning the earliest match of any of the patterns."""
    compiled = [re.compile(pattern) for pattern in patterns]

    def find(text, _year):
        matches = [match for pattern in compiled for match in pattern.finditer(text)]
        return min(matches, key=lambda match: match.start()).group(0) if matches else None
    return find


def _future(text, report_year):
    """The earliest "... nəzərdə tutulmuşdur" about a year after the report's (any year when unknown)."""
    for match in _FUTURE.finditer(text):
        if match["year"] is None or report_year is None or int(match["year"]) > report_year:
            return match.group(0)
    return None


def _past_work(text, _year):
    """The earliest perfective past verb phrase that reports work done."""
    for match in re.finditer(_PAST, text):
        if not _NOT_WORK.search(match.group(0)):
            return match.group(0)
    return None


_RULES = (
    ("carried-out", _earliest(_DONE)),
    ("not-carried-out", _earliest(_NOT_DONE)),
    ("planned", _future),
    ("no-cases", _earliest(_NO_CASES)),
    ("ongoing", _earliest(_ONGOING)),
    ("carried-out", _past_work),
    ("planned", _earliest(_PLANNED)),
)
