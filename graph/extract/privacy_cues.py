"""Detectors for private persons' names: each finds names next to one kind of cue.

Cues: a nationality ("Özbəkistan vətəndaşı X Y", "vətəndaşlığı olmayan şəxs X"), a role word ("şübhəli
şəxs X Y", "X Y zərərçəkmiş qismində"), a patronymic ("X Y Z oğlu"), initials ("A.B. Məmmədov") and an
alias or nickname ("özünü X kimi təqdim edən", "X ləqəbli"), which names a person as much as a name does.
A nationality or role cue marks the person as private; a bare patronymic or initials may name an official,
which privacy.py checks.
"""

import re
from dataclasses import dataclass

from atkg.graph.extract.privacy_names import (PATRONYMIC, is_institutional, is_name_word, is_stop, joined,
                                              name_list)
from atkg.graph.text import tidy

_UPPER = "A-ZÇƏĞİÖŞÜ"
_INITIALS_FIRST = re.compile(rf"(?<![\w.])(?:[{_UPPER}]\.[ \t]?){{1,2}}([{_UPPER}][^\W\d_]+(?:-[^\W\d_]+)?)")
_INITIALS_LAST = re.compile(rf"(?<![\w.])([{_UPPER}][^\W\d_]+)[ \t]+(?:[{_UPPER}]\.){{1,2}}(?!\w)")
_CUE_GAP = re.compile(r"[ \t]*[:,]?[ \t]*\n?[ \t]*")
_NATIONALITY_WORDS = frozenset({"vətəndaşı", "vətəndaşları"})
_SENTENCE_OPENERS = frozenset({"bu", "belə", "həmçinin", "eyni", "lakin", "habelə", "eləcə", "bundan"})
_ROLE_WORDS = frozenset({"zərərçəkmiş", "şübhəli", "təqsirləndirilən", "məhkum"})
# Words after which a name is a private person's: roles, birth year ("1990-cı il təvəllüdlü"), residence
# ("Bakı şəhər sakini"), "vətəndaş", "qurban(ı)", "insan alverçisi".
_CUES_BEFORE_NAME = _ROLE_WORDS | {"təvəllüdlü", "sakini", "vətəndaş", "qurban", "qurbanı", "alverçisi"}
# Words before which a name is a private person's: roles, and "adlı/adında" ("Rustam adlı şəxs").
_CUES_AFTER_NAME = {**{word: 2 for word in _ROLE_WORDS}, "adlı": 1, "adında": 1}
# Between an alias and its cue: white space (one line break at most) and the quotes an alias may stand in.
_ALIAS_GAP = re.compile(r"[ \t]*[\"'“”„«»‘’]?[ \t]*\n?[ \t]*[\"'“”„«»‘’]?[ \t]*")
_ALIAS_MAX_WORDS = 3
_NICKNAME_CUES = frozenset({"ləqəbli", "ləqəbi", "ləqəbində", "ləqəbiylə"})
_ROLE_FILLERS = frozenset({"şəxs", "şəxslər", "edilmiş", "olunmuş", "qadın", "kişi", "bilinən", "qismində", "olan"})


# Roles in Azerbaijani (as the placeholder says it) and English, most specific first.
ROLES = {
    "ehtimal olunan qurban": "possible victim",
    "zərərçəkmiş": "victim",
    "şübhəli": "suspect",
    "təqsirləndirilən": "accused",
    "məhkum": "convicted person",
}


@dataclass(frozen=True)
class Candidate:
    """A span of text to replace: `count` names, with the nationality phrase as written when given."""

    start: int
    end: int
    count: int
    nationality: str | None
    private_cue: bool


def _names_after(text, words, index):
    """Names listed right after words[index - 1] (the cue): (end index, count) or None."""
    if index >= len(words) or not _CUE_GAP.fullmatch(text[words[index - 1].end:words[index].start]):
        return None
    return name_list(words, index, text)


def _country_start(text, words, index):
    """Index of the first capitalised word of the country phrase that ends before words[index]."""
    first = index
    while first > 0 and index - first < 4 and joined(text, words[first - 1], words[first]):
        previous = words[first - 1]
        if not previous.capitalised or is_institutional(previous) or previous.folded in _SENTENCE_OPENERS:
            break
        first -= 1
    # "X Yun Azərbaycan Respublikasının vətəndaşı": another person's name may stand right before the country;
    # the country phrase starts at its first country or state word when it has one.
    countries = [position for position in range(first, index) if is_stop(words, position, text)]
    return countries[0] if countries else first


def _nationality_cue(text, words, index):
    """(first word of the cue, first word after it, nationality as written) for a cue at words[index], or None."""
    folded = [w.folded for w in words[index:index + 3]]
    if folded[:1] == ["əcnəbi"]:
        return index, index + 1, "əcnəbi"
    if folded[:2] == ["vətəndaşlığı", "olmayan"] and folded[2:3] in (["şəxs"], ["şəxslər"]):
        return index, index + 3, "vətəndaşlığı olmayan"
    if folded[0] not in _NATIONALITY_WORDS:
        return None
    first = _country_start(text, words, index)
    if first == index:  # "xarici ölkə vətəndaşı X": no country named; the cue word stays in the text
        return index + 1, index + 1, None
    return first, index + 1, tidy(text[words[first].start:words[index].end])


def nationality_candidates(text, words):
    """Names after "X vətəndaşı/vətəndaşları", "vətəndaşlığı olmayan şəxs" and "əcnəbi"."""
    found = []
    for index in range(len(words)):
        cue = _nationality_cue(text, words, index)
        names = _names_after(text, words, cue[1]) if cue else None
        if names:
            found.append(Candidate(words[cue[0]].start, words[names[0] - 1].end, names[1], cue[2], True))
    return found


def role_candidates(text, words):
    """Names right after a role or person cue ("şübhəli şəxs X Y", "1990-cı il təvəllüdlü X Y") or right
    before one ("X Y zərərçəkmiş", "X adlı şəxs")."""
    found = []
    for index, word in enumerate(words):
        # A capitalised "Vətəndaş" opens a name of its own ("Vətəndaş Cəmiyyəti Təşkilatları").
        if word.folded in _CUES_BEFORE_NAME and not (word.folded == "vətəndaş" and word.capitalised):
            after = index + 1
            while after < len(words) and words[after].folded in _ROLE_FILLERS and joined(text, words[after - 1], words[after]):
                after += 1
            names = _names_after(text, words, after)
            if names:
                start = word.start if word.folded in _ROLE_WORDS else words[after].start
                found.append(Candidate(start, words[names[0] - 1].end, names[1], None, True))
        shortest = _CUES_AFTER_NAME.get(word.folded)
        if shortest:
            first = index
            while first > 0 and index - first < 4 and joined(text, words[first - 1], words[first]) and is_name_word(words, first - 1, text):
                first -= 1
            if index - first >= shortest:
                found.append(Candidate(words[first].start, words[index - 1].end, 1, None, True))
    return found


def patronymic_candidates(text, words):
    """Names closed by a patronymic word: "Əliyev Əli Vəli oğlu", "Aysel Məmmədova Rəşid qızının"."""
    found = []
    for index, word in enumerate(words):
        if not PATRONYMIC.fullmatch(word.folded):
            continue
        first = index
        while first > 0 and index - first < 3 and joined(text, words[first - 1], words[first]) and is_name_word(words, first - 1, text):
            first -= 1
        if first < index:
            found.append(Candidate(words[first].start, word.end, 1, None, False))
    return found


def initials_candidates(text, words):
    """Surnames with initials before or after: "A.B. Məmmədov", "Məmmədov A."."""
    starts = {word.start: index for index, word in enumerate(words)}
    found = []
    for pattern in (_INITIALS_FIRST, _INITIALS_LAST):
        for match in pattern.finditer(text):
            surname = starts.get(match.start(1))
            if surname is not None and is_name_word(words, surname, text):
                found.append(Candidate(match.start(), match.end(), 1, None, False))
    return found


def alias_candidates(text, words):
    """Aliases and nicknames: "özünü X kimi təqdim edən" (the name a person gave) and "X ləqəbli"."""
    found = []
    for index, word in enumerate(words):
        if word.folded == "özünü":
            end = _alias_end(text, words, index + 1)
            if end is not None and end < len(words) and words[end].folded == "kimi" and _alias_joined(text, words, end):
                found.append(Candidate(words[index + 1].start, words[end - 1].end, 1, None, True))
        elif word.folded in _NICKNAME_CUES:
            first = index
            while first > 0 and index - first < _ALIAS_MAX_WORDS and _alias_joined(text, words, first) \
                    and is_name_word(words, first - 1, text):
                first -= 1
            if first < index:
                found.append(Candidate(words[first].start, words[index - 1].end, 1, None, True))
    return found


def _alias_end(text, words, first):
    """The end index (exclusive) of the capitalised name words from words[first], or None when none."""
    end = first
    while end < len(words) and end - first < _ALIAS_MAX_WORDS and is_name_word(words, end, text) \
            and (end == first or _alias_joined(text, words, end)):
        end += 1
    return end if end > first and _alias_joined(text, words, first) else None


def _alias_joined(text, words, index):
    """True when only white space or quotes separate words[index - 1] and words[index]."""
    return bool(_ALIAS_GAP.fullmatch(text[words[index - 1].end:words[index].start]))


def with_role_word(text, words, candidate):
    """The candidate widened over a role word right before it ("zərərçəkmiş Şri-Lanka vətəndaşı X"), so that
    the role joins its placeholder and is not read as another person's."""
    before = [w for w in words if w.end <= candidate.start]
    if before and before[-1].folded in _ROLE_WORDS and joined(text, before[-1], _word_at(words, candidate.start)):
        return Candidate(before[-1].start, candidate.end, candidate.count, candidate.nationality, True)
    return candidate


def _word_at(words, start):
    """The word that starts at `start`."""
    return next(w for w in words if w.start == start)
