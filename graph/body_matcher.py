"""Finding curated body names in text: word tokens compared in folded form, longest name first.

Names are matched word by word, so commas inside names ("Ailə, Qadın və Uşaq ..."), quotes around company
names and hyphen debris ("Qeyri- Hökumət") do not matter. Abbreviations ("DİN", "ƏN") are compared
case-sensitively, since folded they are ordinary words ("din" is religion, "ən" is most).
"""

import re
from dataclasses import dataclass

from atkg.graph.inflection import CASES, case_forms, is_abbreviation
from atkg.graph.text import az_lower

_WORD = re.compile(r"\w+(?:-\s*\w+)*")
_HYPHEN_DEBRIS = re.compile(r"-\s+")
# What may stand between two words of one name.
_INNER_GAP = re.compile(r"[\s,\"“”«»'*()]*")
_COUNTRY_PREFIXES = ("Azərbaycan Respublikasının ", "Azərbaycan Respublikası ")
_STATE_KINDS = ("government-body", "academic-institution")
# Where the index is kept on the registry; named for its layout, so a ready context pickled with the index
# of two-word keys that came before makes it anew instead of reading it wrongly.
_INDEX = "_matcher_index_of_three_words"


@dataclass(frozen=True)
class Word:
    """A word of a text: where it is, as written (debris joined) and folded."""

    start: int
    end: int
    written: str
    folded: str


@dataclass(frozen=True)
class Match:
    """Words first..last-1 of a text name the body key in the given grammatical case (the cell parser also
    uses it, with no key, for the words between names)."""

    key: str | None
    case: str
    first: int
    last: int


def words(text):
    """The words of a text, hyphenated words kept whole ("DMX-nin", "Qeyri- Hökumət")."""
    found = []
    for hit in _WORD.finditer(text):
        written = _HYPHEN_DEBRIS.sub("-", hit.group())
        found.append(Word(hit.start(), hit.end(), written, az_lower(written)))
    return found


def longest_match(text, text_words, first, *, registry):
    """The longest curated name starting at word `first`, or None."""
    head, second, third = (text_words[at].folded if at < len(text_words) else None for at in range(first, first + 3))
    index = _index(registry)
    # Names are filed under their first three words (None past a shorter name's end), so only those that
    # can fit are tried, longest first: a third of the names begin "Azərbaycan Respublikası(nın)".
    candidates = (index.get((head, second, third), ()) if third else (),
                  index.get((head, second, None), ()) if second else (), index.get((head, None, None), ()))
    for form, (key, case) in (candidate for bucket in candidates for candidate in bucket):
        last = first + len(form)
        if last <= len(text_words) and _fits(form, text, text_words[first:last]):
            return Match(key, case, first, last)
    return None


def _fits(form, text, candidates):
    """The words equal the form's, abbreviations in their exact case, with only inner gaps between them."""
    for (folded, abbreviation), word in zip(form, candidates):
        if word.folded != folded or (abbreviation and not word.written.startswith(abbreviation)):
            return False
    return all(_INNER_GAP.fullmatch(text, left.end, right.start)
               for left, right in zip(candidates, candidates[1:]))


def prepare(registry):
    """Make the registry's index of surface forms now rather than at the first match."""
    _index(registry)


def _index(registry):
    """Surface forms by their first folded word, longest first; a form naming two bodies is an error.
    Made once per registry and kept on it, so that it is pickled with it."""
    index = registry.__dict__.get(_INDEX)
    if index is None:
        index = registry.__dict__[_INDEX] = _made_index(registry)  # a frozen dataclass: its dict
    return index


def _made_index(registry):
    owner = {}
    for body in registry:
        for surface, case in _surface_forms(body, registry):
            form = tuple((word.folded, _abbreviation_in(word.written)) for word in words(surface))
            if owner.setdefault(form, (body.key, case))[0] != body.key:
                raise ValueError(f'"{surface}" names both "{owner[form][0]}" and "{body.key}"')
    index = {}
    for form in sorted(owner, key=lambda form: (-len(form), str(form))):
        key = tuple(form[at][0] if at < len(form) else None for at in range(3))
        index.setdefault(key, []).append((form, owner[form]))
    return index


def _abbreviation_in(word):
    """The abbreviation a word starts with ("DMX" of "DMX-nin"), or None."""
    head = word.split("-")[0]
    return head if is_abbreviation(head) else None


def _surface_forms(body, registry):
    """(surface, case) pairs: every name in every case, with the prefixes the sources put before it."""
    names = [(form, case) for name in body.names_az for case, form in _all_cases(name)]
    if body.group == "agency" and body.kind in _STATE_KINDS and body.parent is None:
        names += [(prefix + name, case) for prefix in _COUNTRY_PREFIXES for name, case in names
                  if not name.startswith("Azərbaycan")]
    if body.abbreviation:
        names += [(name, case) for case, name in _all_cases(body.abbreviation)]
    if body.parent:
        parent = _surface_forms(registry[body.parent], registry)
        owners = [name + " " for name, case in parent if case == "genitive"]
        owners += [name + " yanında " for name, case in parent if case == "nominative"]
        # "DİN İAMBİ-nin" (002_…): the parent's bare abbreviation before the unit's name.
        owners += [registry[body.parent].abbreviation + " "] if registry[body.parent].abbreviation else []
        names += [(owner + name, case) for owner in owners for name, case in list(names)]
    return names


def _all_cases(name):
    """(case, form) pairs, nominative first and accusative second so that they win a tie."""
    forms = {"nominative": name, **case_forms(name)}
    order = ("nominative", "accusative", *(case for case in CASES if case != "accusative"))
    return [(case, forms[case]) for case in order]
