"""Text helpers for Azerbaijani source text: case folding and clean-up of extraction debris."""

import re
import unicodedata

_UPPER_TO_LOWER = str.maketrans({"I": "ı", "İ": "i"})
_BOLD = re.compile(r"\*\*|</?b>")
_HYPHEN_DEBRIS = re.compile(r"(?<=\w)- (?=\w)")
_SPACES = re.compile(r"\s+")


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
