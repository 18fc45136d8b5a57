"""Redaction of private persons' names (possible victims, suspects, accused and convicted people).

redact() replaces each name, with the nationality phrase or role word that introduces it, by a neutral
Azerbaijani placeholder keeping what an analyst needs: "[şəxs: Özbəkistan vətəndaşı, ehtimal olunan
qurban]", "[2 şəxs: Pakistan vətəndaşları]". Officials named in their official role stay ("Xidmətin rəisi
Vüsal Hüseynov", "İlham ƏLİYEV, Azərbaycan Respublikasının Prezidenti"): a name found only by its
patronymic or initials is kept when an official title stands right before or right after it. A name with a
nationality or role cue is always redacted. The redacted text keeps every line break, so line numbers of
the source stay valid.
"""

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from atkg.graph.extract import privacy_cues
from atkg.graph.extract.privacy_cues import ROLES
from atkg.graph.extract.privacy_names import PATRONYMIC, is_name_word, tokens
from atkg.graph.extract.privacy_officials import is_official
from atkg.graph.extract.privacy_rdf import person_references_graph
from atkg.graph.text import SENTENCE_END, az_lower

_ROLE_CUES = (
    ("ehtimal olunan qurban", re.compile(r"ehtimal olunan qurban|potensial qurban|qurbanı olması ehtimal|zərər çəkməsi ehtimal")),
    # Not a bare "qurban": "Qurbanın ifadəsinə görə, X tərəfindən ..." names the perpetrator.
    ("zərərçəkmiş", re.compile(r"zərərçəkmiş|zərər çəkmiş|qurban(?:ı|ları)? (?:olmuş|olan|kimi|qismində|statusu)")),
    ("şübhəli", re.compile(r"şübhəli|şübhə altında")),
    ("təqsirləndirilən", re.compile(r"təqsirləndirilən|ittiham olunan")),
    ("məhkum", re.compile(r"məhkum|azadlıqdan məhrum")),
)
_ROLE_REACH = 80
_PLACEHOLDER = re.compile(r"\[(?:(\d+) )?şəxs(?:: ([^\]\n]*))?\]")
__all__ = ["ROLES", "PersonReference", "Redaction", "name_fingerprint", "name_fingerprints", "name_stem",
           "person_references_graph", "placeholder", "redact", "references_in"]
# Case endings, longest first, so that "Karimovun", "Karimova" and "Karimov" share one stem.
_CASE_ENDINGS = ("nın", "nin", "nun", "nün", "dan", "dən", "tan", "tən", "nda", "ndə", "ya", "yə", "ın", "in", "un",
                 "ün", "da", "də", "ta", "tə", "la", "lə", "a", "ə", "ı", "i", "u", "ü")
_SENTENCE_END = re.compile(r"(?<!(?<!\w)[A-ZÇƏĞİÖŞÜ])[.!?;](?=\s)|\n[ \t]*\n")


@dataclass(frozen=True)
class PersonReference:
    """A private person (or several) in the redacted text; start and end locate the placeholder there."""

    placeholder: str
    role: str | None
    nationality: str | None
    count: int
    start: int
    end: int


@dataclass(frozen=True)
class Redaction:
    """Text with private persons' names replaced, the references that replaced them, and the words of the
    names removed (kept only to be fingerprinted: see name_fingerprints)."""

    text: str
    references: tuple[PersonReference, ...]
    removed_words: tuple[str, ...] = ()


def placeholder(*, count, nationality, role):
    """The neutral text that stands for `count` persons: "[2 şəxs: Pakistan vətəndaşları, şübhəli]"."""
    head = "şəxs" if count == 1 else f"{count} şəxs"
    details = ", ".join(part for part in (nationality, role) if part)
    return f"[{head}: {details}]" if details else f"[{head}]"


def _sentence(text, start, end):
    """The bounds of the sentence around text[start:end]."""
    before = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
    after = SENTENCE_END.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def _role(text, start, end, *, lower, upper):
    """The role named nearest to the span within its sentence and between its neighbours, or None."""
    first, last = _sentence(text, start, end)
    first, last = max(first, lower), min(last, upper)
    lowered = az_lower(text[first:last])
    best = None
    for role, pattern in _ROLE_CUES:
        for match in pattern.finditer(lowered):
            gap = max(first + match.start() - end, start - first - match.end(), 0)
            if gap <= _ROLE_REACH and (best is None or gap < best[0]):
                best = (gap, role)
    return best[1] if best else None


def _merge(candidates):
    """Merge overlapping candidates, keeping the largest count and any nationality or private cue."""
    merged = []
    for cand in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if merged and cand.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = privacy_cues.Candidate(
                last.start, max(last.end, cand.end), max(last.count, cand.count),
                last.nationality or cand.nationality, last.private_cue or cand.private_cue)
        else:
            merged.append(cand)
    return merged


def _candidates(text):
    """Every span to redact, merged and in text order."""
    words = tokens(text)
    found = []
    for detector in (privacy_cues.nationality_candidates, privacy_cues.role_candidates,
                     privacy_cues.patronymic_candidates, privacy_cues.initials_candidates,
                     privacy_cues.alias_candidates):
        found.extend(detector(text, words))
    kept = [c for c in _merge(found) if c.private_cue or not is_official(text, words, c)]
    return [privacy_cues.with_role_word(text, words, c) for c in kept]


@lru_cache(maxsize=256)  # events and referrals redact the same paragraphs of a report again
def redact(text):
    """Replace private persons' names in `text` by placeholders; line breaks are kept."""
    pieces, references, position, length = [], [], 0, 0
    candidates = _candidates(text)
    bounds = [0] + [c.end for c in candidates]
    for index, cand in enumerate(candidates):
        upper = candidates[index + 1].start if index + 1 < len(candidates) else len(text)
        role = _role(text, cand.start, cand.end, lower=bounds[index], upper=upper)
        label = placeholder(count=cand.count, nationality=cand.nationality, role=role)
        pieces.append(text[position:cand.start])
        length += cand.start - position
        references.append(PersonReference(label, role, cand.nationality, cand.count, length, length + len(label)))
        line_breaks = "\n" * text.count("\n", cand.start, cand.end)
        pieces.append(label + line_breaks)
        length += len(label) + len(line_breaks)
        position = cand.end
    pieces.append(text[position:])
    removed = _removed_words(text, candidates, references)
    return Redaction("".join(pieces), tuple(references), removed)


def _removed_words(text, candidates, references):
    """The name words the candidates took out: capitalised words of their spans that are neither kept in
    the placeholder (a nationality) nor a patronymic, role or country word."""
    kept = {word.folded for reference in references for word in tokens(reference.placeholder)}
    words = tokens(text)
    found = set()
    for cand in candidates:
        inside = [index for index, word in enumerate(words) if cand.start <= word.start < cand.end]
        found |= {words[index].text for index in inside if is_name_word(words, index, text)
                  and words[index].folded not in kept and not PATRONYMIC.fullmatch(words[index].folded)}
    return tuple(sorted(found))


def name_fingerprints(words, *, salt):
    """Salted hashes of name words, by their stem: what a scan needs to find a removed name again (in any
    case form) without the names being stored anywhere."""
    return tuple(sorted({name_fingerprint(word, salt=salt) for word in words}))


def name_fingerprint(word, *, salt):
    """The salted hash of one word's stem (lower case, without an Azerbaijani case ending)."""
    return hashlib.sha256(f"{salt}\x00{name_stem(word)}".encode("utf-8")).hexdigest()[:20]


def name_stem(word):
    """A word in lower case without its case ending ("Karimovun" -> "karimov"), never shorter than 3 letters."""
    folded = az_lower(word).replace("’", "'")
    for ending in _CASE_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= 3:
            return folded[:-len(ending)]
    return folded


def references_in(redacted_text):
    """The references behind the placeholders of already redacted text (an entry cut from a redacted report).

    Redact a whole source once, before parsing it (line numbers stay valid), then read each entry's
    references back from its text with this function.
    """
    found = []
    for match in _PLACEHOLDER.finditer(redacted_text):
        details = match.group(2).split(", ") if match.group(2) else []
        role = details.pop() if details and details[-1] in ROLES else None
        nationality = ", ".join(details) or None
        count = int(match.group(1)) if match.group(1) else 1
        found.append(PersonReference(match.group(), role, nationality, count, match.start(), match.end()))
    return tuple(found)
