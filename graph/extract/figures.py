"""Statistical figures in report text: counts whose noun and surrounding words match an indicator's rule
("readmissiya edilmiş 389 vətəndaşdan" is readmitted-citizens), with the period the sentence states.

A rule reads the words between a count and the next count of people, so "3.409 nəfərin ... yaşamaları
leqallaşdırılmış, 15.540 nəfərin ..." gives each number its own meaning. A count of what was done that no
rule knows ("TƏBİB-ə 6 məktub") is never left bare: it gets a proposed indicator made from its own words,
marked for a curator's review (proposed=True). Not figures: lower bounds ("40-dan çox"), durations and
organisation ("20 il", "7 regional miqrasiya idarəsi"), an event's head count ("50 miqrant arasında"),
plans, counts in quotes or in a redaction's brackets. Facts extraction cannot read (zeros said in words,
"... olmamışdır") come from graph/curated/figures.yaml, each with its exact quote.
"""

import re
from dataclasses import dataclass
from datetime import date
from importlib.resources import files

import yaml

from atkg.graph.extract import LOWER_LETTERS as L
from atkg.graph.extract import figure_proposals as proposals
from atkg.graph.extract.amounts import find_amounts
from atkg.graph.extract.dates import SENTENCE_END, find_dates
from atkg.graph.extract.numbers import find_counts

_PEOPLE = ("nəfər", "əcnəbi", "vətəndaş", "işçi", "şəxs", "əməkdaş")
_STAFF = ("işçi", "əməkdaş")
# (indicator, noun stems, regex over the words after the count, regex over the sentence, unit in English)
RULES = (
    ("readmitted-citizens", ("vətəndaş",), r"", r"readmissiya (?:edilmiş|olunmuş) \S+ vətəndaş", "citizens"),
    ("readmitted-citizens", ("şəxs", "nəfər", "vətəndaş"), r"^\s*readmissiya", r"", "persons"),
    ("reintegration-assisted", ("nəfər",), r"reinte[gq]rasiya", r"readmissiya", "persons"),
    ("staff-trained", _STAFF, r"(?i)təlim|^\s*(?:\S+\s+){0,2}(?:cəlb (?:edil|olun)|iştirak et)", r"(?i)təlim", "employees"),
    ("trainings-held", ("hal",), r"(?i)təlim", r"işçi|əməkdaş", "occasions"),
    ("possible-victims-reported", "əcnəbi", r"qurbanı olması ehtimalı", r"məlumat verilmişdir", "foreigners"),
    ("smuggling-suspects-reported", "əcnəbi", r"", r"qanunsuz miqrasiya kanalının", "foreigners"),
    ("awareness-events-held", "maarifləndirmə", r"^\s*tədbir", r"", "awareness events"),
    ("employer-meetings-held", "görüş", r"", r"işəgötürənlər", "meetings"),
    ("unpaid-wage-cases", "hal", r"", r"əmək haqlarının", "cases"),
    ("unpaid-wage-workers", "nəfər", r"", r"əmək haqlarının", "persons"),
    ("stay-rule-violators", "əcnəbi", r"pozulması müəyyən olunmuş", r"", "foreigners and stateless persons"),
    ("stay-legalised", "nəfər", r"leqallaşdırılmış", r"", "persons"),
    ("ordered-to-leave", "nəfər", r"^\s*48 saat ərzində ölkə ərazisini tərk", r"", "persons"),
    ("expelled", "nəfər", r"kənara çıxarılma", r"", "persons"),
    ("replacement-cards-decided", "nəfər", r"yeni vəsiqələrin verilməsi", r"", "persons"),
    ("penalised-for-lost-documents", "nəfər", r"məsuliyyətə cəlb", r"itirmiş", "persons"),
)
_UNTIL = re.compile(r"d[əa]k$")
_HEADING = re.compile(rf"^[#*\s]*(?P<code>\d+(?:\.\d+){{2,}})(?:\.?\s|-[{L}]+ yarım ?bənd üzrə)")
_CODE_LINE = re.compile(r"^\s*\d+(?:\.\d+){2,}\.?\s*$")
_YEAR_HEADING = re.compile(r"^(?P<year>\d{4})-c[iıuü] il üzrə:")


@dataclass(frozen=True)
class Period:
    """What the source says the figure covers: a span of whole months or years, and its words."""

    start: date
    end: date
    precision: str
    note: str = None


@dataclass(frozen=True)
class Observation:
    """One figure: indicator slug, value, unit as written (az) and in English, period, and its quote; a
    proposed indicator (one no rule knows) carries the words it was made from and no English unit."""

    indicator: str
    value: int
    unit_az: str
    unit_en: str
    period: Period
    quote: str
    stem: str
    line_start: int
    line_end: int
    measure: str = None
    curated: bool = False
    proposed: bool = False
    label_az: str = None


def find_figures(text, *, default_year, stem, line_start, line_end, measure=None):
    """Figures in a paragraph; a sentence without a year of its own takes default_year."""
    observations = []
    for first, last in sentences(text):
        sentence = text[first:last]
        counts = find_counts(sentence)
        period = sentence_period(sentence, default_year=default_year)
        for index, count in enumerate(counts):
            after = sentence[count.end:_next_person(counts, index, len(sentence))]
            matched = list(dict.fromkeys(_matching_rules(count, after, sentence)))
            for indicator, unit_en in matched:
                observations.append(Observation(indicator, count.value, count.noun, unit_en, period, sentence,
                                                stem, line_start, line_end, measure))
            if not matched and proposals.is_figure(sentence, count):
                words = proposals.words_counted(sentence, counts, index)
                observations.append(Observation(proposals.slug(words), count.value, count.noun, None, period,
                                                sentence, stem, line_start, line_end, measure, proposed=True,
                                                label_az=words))
    return observations


def sentence_period(sentence, *, default_year):
    """The sentence's own year, or "until <month>" of it ("Cari ilin mart ayınadək"), else default_year."""
    for mention in find_dates(sentence, default_year=default_year):
        value = mention.dates[0]
        if value.precision == "month" and _UNTIL.search(mention.surface):
            return Period(date(value.start.year, 1, 1), value.end, "month", mention.surface)
        if value.precision == "year" and value.start.year == value.end.year and len(mention.dates) == 1:
            return Period(value.start, value.end, "year")
    return Period(date(default_year, 1, 1), date(default_year, 12, 31), "year")


def load_curated(path=None):
    """Figures from graph/curated/figures.yaml: the facts extraction cannot read, each with its quote."""
    source = path or files("atkg.graph") / "curated" / "figures.yaml"
    records = yaml.safe_load(source.read_text(encoding="utf-8"))["figures"]
    return [_curated(record) for record in records]


def _curated(record):
    period = record["period"]
    return Observation(record["indicator"], int(record["value"]), record["unit_az"], record["unit_en"],
                       Period(date.fromisoformat(period["start"]), date.fromisoformat(period["end"]),
                              period["precision"], period.get("note")),
                       record["quote"], record["stem"], record["line_start"], record["line_end"],
                       record.get("measure"), curated=True)


def figures_in_source(text, *, stem, default_year, runs=None):
    """Figures of a whole source file, paragraph by paragraph, with the measure code of the heading above
    ("4.4.9-cu yarımbənd üzrə", or a code line of the older programme) and, from "2012-ci il üzrə:" to the
    next heading, that year. runs, when given, are the (first line, last line, text) paragraphs to read
    (a report's, as its reader re-joined them across page breaks); by default, paragraphs(text).
    """
    observations, measure, year = [], None, default_year
    for line_start, line_end, paragraph in runs if runs is not None else paragraphs(text):
        heading = _HEADING.match(paragraph)
        if heading:
            measure, year = heading["code"], default_year
        year_heading = _YEAR_HEADING.match(paragraph)
        year = int(year_heading["year"]) if year_heading else year
        observations += find_figures(paragraph, default_year=year, stem=stem, line_start=line_start,
                                     line_end=line_end, measure=measure)
        observations += [_money(amount, stem=stem, line_start=line_start, line_end=line_end, measure=measure)
                         for amount in find_amounts(paragraph, default_year=year)]
    return observations


def _money(amount, *, stem, line_start, line_end, measure):
    """A money amount (amounts.py) as a figure in manat (AZN) with a proposed indicator made from its words."""
    period = Period(date(amount.year, 1, 1), date(amount.year, 12, 31), "year")
    return Observation(proposals.slug(amount.label), amount.value, "manat", "AZN", period, amount.sentence, stem,
                       line_start, line_end, measure, proposed=True, label_az=amount.label)


def paragraphs(text):
    """(first line, last line, text) of each run of non-blank lines, joined with single spaces; a line
    that is only a code (the older programme's table rows, "\t3.5.2.6.") starts a new run."""
    run = []
    for number, line in enumerate(text.split("\n") + [""], 1):
        if run and (not line.strip() or _CODE_LINE.match(line)):
            yield run[0][0], run[-1][0], " ".join(part for _, part in run)
            run = []
        if line.strip():
            run.append((number, line.strip()))


def sentences(text):
    """(start, end) of each sentence of a paragraph, white space trimmed."""
    first = 0
    for match in [*SENTENCE_END.finditer(text), None]:
        last = match.end() if match else len(text)
        piece = text[first:last]
        if piece.strip():
            yield first + len(piece) - len(piece.lstrip()), first + len(piece.rstrip())
        first = last


def _next_person(counts, index, default):
    later = [c.start for c in counts[index + 1:] if c.noun.startswith(_PEOPLE)]
    return later[0] if later else default


def _matching_rules(count, after, sentence):
    for indicator, nouns, after_pattern, sentence_pattern, unit_en in RULES:
        if (count.noun.startswith(nouns) and re.search(after_pattern, after)
                and re.search(sentence_pattern, sentence)):
            yield indicator, unit_en
