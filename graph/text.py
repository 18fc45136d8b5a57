"""Text helpers for Azerbaijani source text: case folding and clean-up of extraction debris."""

import re
import unicodedata

_UPPER_TO_LOWER = str.maketrans({"I": "ı", "İ": "i"})
_BOLD = re.compile(r"\*\*|</?b>")
_HYPHEN_DEBRIS = re.compile(r"(?<=\w)- (?=\w)")
_SPACES = re.compile(r"\s+")
# Where a sentence ends: . ! ? or ; before white space (not after a lone capital, an initial as in "A. Məmmədov"),
# or a blank line. Hand-made: no sentence splitter knows Azerbaijani, and this one is what redaction reads.
SENTENCE_END = re.compile(r"(?<!(?<!\w)[A-ZÇƏĞİÖŞÜ])[.!?;](?=\s)|\n[ \t]*\n")


def az_lower(text):
    """Lower-case Azerbaijani text: I becomes ı and İ becomes i (str.lower() gets both wrong)."""
    return unicodedata.normalize("NFC", text).translate(_UPPER_TO_LOWER).lower()


def strip_bold(text):
    """Remove markdown (**) and HTML (<b>) bold markers."""
    return _BOLD.sub("", text)


def tidy(text):
    """Join hyphenation debris ("Qeyri- Hökumət"), drop bold markers and collapse white space."""
    return _SPACES.sub(" ", _HYPHEN_DEBRIS.sub("-", strip_bold(text))).strip()


def fold(text):
    """The form used to compare names: tidy, Azerbaijani lower case, straight quotes."""
    return az_lower(tidy(text)).replace("“", '"').replace("”", '"')


def sentence_spans(text):
    """(start, end) of each sentence of `text`, in order, without the white space around it; a sentence keeps
    its closing mark."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        spans.append((start, match.end() if match.group().strip() else match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [_stripped(text, first, last) for first, last in spans if text[first:last].strip()]


def _stripped(text, first, last):
    """The span without the white space at either end."""
    while text[first].isspace():
        first += 1
    while text[last - 1].isspace():
        last -= 1
    return first, last
