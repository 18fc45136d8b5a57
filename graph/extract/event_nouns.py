"""Event nouns in a sentence: the words that say an event was held, with its kind (event-type slug)."""

import re
from dataclasses import dataclass

from atkg.graph.extract.event_parts import TITLE_GAP, quoted, without_quotes
from atkg.graph.extract.privacy_names import tokens
from atkg.graph.text import az_lower

# (folded word stems, kind); longer phrases first so "maarifləndirmə tədbiri" wins over a bare "tədbir".
_NOUNS = (
    (("dəyirmi", "masa"), "round-table"),
    (("maarifləndirmə", "tədbir"), "awareness-event"),
    (("maarifləndirici", "tədbir"), "awareness-event"),
    (("ixtisasartırma", "kurs"), "training"),
    (("təlim", "səfər"), "visit"),
    (("təcrübə", "səfər"), "visit"),
    (("təlim",), "training"),
    (("seminar",), "training"),
    (("vebinar",), "training"),
    (("görüş",), "meeting"),
    (("səfər",), "visit"),
    (("iclas",), "session"),
    (("yığınca",), "meeting"),
    (("sessiya",), "session"),
    (("videokonfrans",), "conference"),
    (("konfrans",), "conference"),
    (("kampaniya",), "campaign"),
    (("monitorinq",), "visit"),
    (("sorğu",), "survey"),
    (("layihə",), "project"),
    (("imzalanmış",), "signing"),
    (("imzalanıb",), "signing"),
    (("tədbir",), "meeting"),
)
_HELD_PARTICIPLE = r"(?:keçiril(?:miş|ən)|təşkil (?:olun|edil)(?:muş|miş|an|ən)|baş tutmuş)"
_HELD_BEFORE = re.compile(_HELD_PARTICIPLE + r"(?:\s+[^\s,;]+){0,2}\s+$")
# "seminarlar (və digər tədbirlər) keçirilmişdir"
_HELD_AFTER = re.compile(r"\s+(?:və\s+(?:[^\s,;]+\s+){1,3})?(?:həyata\s+)?(?:keçiril|təşkil\s+(?:olun|edil)|aparıl)(?:mişdir|mışdır|muşdur|miş|mış|muş|ib|ərkən|ərək)\b")
_LOCATIVE = re.compile(r"n?d[aə]$")
_ATTENDED = re.compile(r"(?:iştirak\s+etmiş(?:dir|lər)?(?:lər)?|iştirakı\s+təmin\s+(?:edil|olun)m[iu]ş(?:d[iu]r)?)\.?\s*$")
# "50 miqrant arasında sorğunun keçirilməsi": one event among people counted, not holdings in general.
_AMONG_BEFORE = re.compile(r"(?:arasında|iştirakı ilə|üçün)\s+$")
_COUNTED_AMONG = re.compile(r"\d+\s+\S+\s+(?:arasında|iştirakı ilə|üçün)\s+$")
# A "sorğu" is a survey when it was conducted (else it is a request: "sorğu daxil olmamışdır").
_CONDUCTED = ("keçiril", "aparıl", "həyata", "təşkil")
_CONDUCTED_BEFORE = re.compile(r"(?:keçiril|aparıl)(?:miş|mış|ən|an)\s+$")
_CASE_AFTER_QUOTE = re.compile(r"n?(?:d[aə]|[aə]|[ıi]n)\b")
_AND_ONLY = re.compile(r"\s+və\s+")
_FORMAT_WORDS = ("formasında", "formatında", "formatda", "rejimində")
_HELD = ("keçirilmiş", "keçirilən")
# "Qanunsuz miqrasiyaya qarşı keçirilmiş tədbirlər zamanı ... aşkar edilmişdir": an operation, not a meeting.
_OPERATION_AFTER = re.compile(r"\s*zamanı\b")
_OPERATION = re.compile(r"aşkar (?:edil|olun)|müəyyən (?:edil|olun)|saxlanıl|qanunsuz miqrasiyaya qarşı", re.I)
# "imzalanmış readmissiya sazişləri": a participle describing a noun, not a signing.
_ATTRIBUTIVE = re.compile(r"\s+[a-zəıöüşçğ]")
_GENITIVE = ("ının", "inin", "unun", "ünün", "nın", "nin", "nun", "nün")
# "təlimlərin keçirilməsi davam etdirilmişdir": the holding of trainings in general, not an event.
_GENERIC_AFTER = ("keçirilməsi", "təşkili")
# A quoted act or agreement before "layihəsi" is a draft of it, not a project.
_DRAFT_ENDINGS = ("qərarı", "qanunu", "fərmanı", "sərəncamı", "saziş", "sazişi", "memorandumu", "qaydaları",
                  "əsasnamə", "konvensiyası", "proqramı", "planı")


@dataclass(frozen=True)
class EventNoun:
    """An event noun at [start, end) of the sentence; plural when the noun carries -lar/-lər; the quoted
    name it ends, when it is named so ("... yekun yığıncağı”nda")."""

    kind: str
    start: int
    end: int
    plural: bool
    name: str | None = None


def event_nouns(sentence):
    """The event nouns of the sentence outside quotes, and the events a quoted name ends with, in order;
    two nouns of one kind joined by "və" ("təlim və seminarlarda") are one event."""
    words = tokens(sentence)
    quotes = quoted(sentence)
    found = sorted(_outside_quotes(sentence, words, quotes) + _named(sentence, words, quotes), key=lambda n: n.start)
    return _joined(sentence, found)


def _joined(sentence, nouns):
    """Nouns of one kind with only "və" between them as one noun over both, plural when either is."""
    joined = []
    for noun in nouns:
        last = joined[-1] if joined else None
        if last and last.kind == noun.kind and _AND_ONLY.fullmatch(sentence, last.end, noun.start):
            joined[-1] = EventNoun(noun.kind, last.start, noun.end, last.plural or noun.plural, last.name or noun.name)
        else:
            joined.append(noun)
    return joined


def _named(sentence, words, quotes):
    """Events whose quoted name ends with an event noun and takes its case ending after the closing quote
    ("“... şurasının yekun yığıncağı”nda"): the name is the event's."""
    found = []
    for start, end, inner in quotes:
        suffix = _CASE_AFTER_QUOTE.match(sentence, end)
        inside = [i for i, w in enumerate(words) if start < w.start and w.end <= end - 1]
        for index in inside[-2:] if suffix else ():
            match = _match(words, index)
            if match and words[index + len(match[0]) - 1].end == end - 1 and not (
                    match[1] == "project" and _is_draft(inner)):
                found.append(EventNoun(match[1], words[index].start, suffix.end(), False, inner))
                break
    return found


def _outside_quotes(sentence, words, quotes):
    """The event nouns outside quotes."""
    found, index = [], 0
    while index < len(words):
        match = _match(words, index)
        if match and not any(s <= words[index].start < e for s, e, _ in quotes) and _is_event(sentence, words, index, match, quotes):
            stems, kind = match
            last = words[index + len(stems) - 1]
            rest = last.folded[len(stems[-1]):]
            found.append(EventNoun(kind, words[index].start, last.end, rest.startswith(("lar", "lər"))))
            index += len(stems)
        else:
            index += 1
    return found


def generic_kinds(sentence):
    """The kinds of the event nouns the sentence names in general, as a holding ("təlimlərin keçirilməsi")."""
    words = tokens(sentence)
    kinds = []
    for index in range(len(words)):
        match = _match(words, index)
        following = index + len(match[0]) if match else len(words)
        if match and following < len(words) and words[following].folded.startswith(_GENERIC_AFTER):
            kinds.append(match[1])
    return kinds


def held(sentence, noun, stretch):
    """True when the sentence says this event was held or attended, though it gives no date, count or title:
    a participle of holding right before it ("həyata keçirilən maarifləndirici tədbirlər"), a verb of holding
    right after it ("tədbirləri həyata keçirilərkən") or, for an event in the locative, a past "took part"
    ending the sentence ("iclasında ... iştirak etmişdir"). A bare "tədbir" (often an operation or a measure)
    and a noun that opens the sentence ("Təlimlərə ...", "Həmin görüşlərdə": told before) are not enough."""
    if sentence[noun.start:noun.end].split()[0].lower().startswith("tədbir") or len(tokens(sentence[:noun.start])) < 2:
        return False
    # A quoted topic between the participle and the noun ("təşkil olunmuş “...” mövzusunda kursa") is skipped.
    if _HELD_BEFORE.search(without_quotes(sentence), stretch[0], noun.start) or _HELD_AFTER.match(sentence, noun.end):
        return True
    return bool(_LOCATIVE.search(sentence, noun.start, noun.end) and _ATTENDED.search(sentence, noun.end))


def _nouns_by_initial():
    """_NOUNS grouped by the first letter of their first stem, keeping their order (first match wins)."""
    groups = {}
    for stems, kind in _NOUNS:
        groups.setdefault(stems[0][0], []).append((stems, kind))
    return groups


_BY_INITIAL = _nouns_by_initial()


def _match(words, index):
    """The (stems, kind) whose words start at words[index], or None."""
    folded = words[index].folded
    for stems, kind in _BY_INITIAL.get(folded[:1], ()):
        window = words[index:index + len(stems)]
        if len(window) == len(stems) and all(w.folded.startswith(s) for w, s in zip(window, stems)):
            return stems, kind
    return None


def _is_draft(title):
    """True when a quoted title names an act or agreement, or holds a quote of its own."""
    return az_lower(title).rstrip(" .").endswith(_DRAFT_ENDINGS) or any(q in title for q in '"“”«»')


def _is_event(sentence, words, index, match, quotes):
    """The exceptions: bodies, formats, drafts and measures that share a word with an event."""
    stems, kind = match
    word = words[index]
    following = words[index + len(stems)].folded if index + len(stems) < len(words) else ""
    previous = words[index - 1].folded if index else ""
    if "-" in word.text or word.folded.startswith(("təlimçi", "səfərbər")):
        return False
    if stems == ("təlim",) and following.startswith("mərkəz"):
        return False
    if kind == "conference" and following in _FORMAT_WORDS:
        return False
    if following.startswith(_GENERIC_AFTER) and not _one_held_among(sentence, words, index, stems):
        return False
    if kind == "survey":
        return following.startswith(_CONDUCTED) or bool(_AMONG_BEFORE.search(sentence, 0, word.start)
                                                        or _CONDUCTED_BEFORE.search(sentence, 0, word.start))
    if kind == "project":
        return any(TITLE_GAP.fullmatch(sentence, end, word.start) and not _is_draft(inner)
                   for _, end, inner in quotes if end <= word.start)
    if stems == ("tədbir",):
        titled = any(TITLE_GAP.fullmatch(sentence, end, word.start) for _, end, _ in quotes if end <= word.start)
        return (previous in _HELD or titled) and not _is_operation(sentence, words[index])
    if kind == "signing":
        return not _ATTRIBUTIVE.match(sentence, word.end) or sentence[word.end:].lstrip().startswith("və ")
    if stems == ("monitorinq",):
        return following.startswith(("aparıl", "keçiril", "həyata"))
    # "Konfransının ... sessiyalarında": a capitalised noun in the genitive names the body whose events follow.
    return not (word.text[0].isupper() and word.folded.endswith(_GENITIVE) and index > 0)


def _one_held_among(sentence, words, index, stems):
    """True when a singular noun's holding is told of people counted right before it ("50 miqrant arasında
    sorğunun keçirilməsi"): one event, not the holding of events in general."""
    last = words[index + len(stems) - 1]
    plural = last.folded[len(stems[-1]):].startswith(("lar", "lər"))
    return not plural and bool(_COUNTED_AMONG.search(sentence, 0, words[index].start))


def _is_operation(sentence, word):
    """True when a bare "tədbir(lər) zamanı" tells of an operation that found something."""
    return bool(_OPERATION_AFTER.match(sentence, word.end) and _OPERATION.search(sentence))
