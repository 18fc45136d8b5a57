"""Azerbaijani case forms of body names: "Dövlət Miqrasiya Xidməti" → "Dövlət Miqrasiya Xidmətinin", "DMX-nin".

Three shapes of name are told apart by their last word: an izafet whose head carries the possessive
suffix ("Xidməti", "Nazirliyi", "orqanları": the buffer n comes before the case ending), a plain word
("Ukrayna", "komissiyalar", "Mərkəz") and an abbreviation ("DMX", "DİN", which takes a hyphen).
"""

from atkg.graph.text import az_lower

CASES = ("genitive", "dative", "accusative", "locative", "ablative")
_VOWELS = "aıoueəiöü"
_BACK = "aıou"
_FOUR_WAY = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "ə": "i", "i": "i", "ö": "ü", "ü": "ü"}
# How a letter is read aloud when an abbreviation is spelt out ("DMX" is "de-em-xe", so "DMX-nin").
_LETTER_NAMES = {
    "b": "be", "c": "ce", "ç": "çe", "d": "de", "f": "ef", "g": "ge", "ğ": "ğe", "h": "he", "x": "xe",
    "j": "je", "k": "ka", "q": "qe", "l": "el", "m": "em", "n": "en", "p": "pe", "r": "er", "s": "es",
    "ş": "şe", "t": "te", "v": "ve", "w": "ve", "y": "ye", "z": "ze",
}


def inflected_forms(name):
    """The genitive, dative, accusative, locative and ablative forms of a name, in that order."""
    return tuple(case_forms(name)[case] for case in CASES)


def case_forms(name):
    """A mapping from each of CASES to the name inflected in that case."""
    head, _, last = name.rpartition(" ")
    prefix = head + " " if head else ""
    if is_abbreviation(last):
        endings = _plain_endings(_spoken_form(last))
        return {case: f"{prefix}{last}-{ending}" for case, ending in endings.items()}
    if head and last[-1] in "ıiuü":
        endings = _possessive_endings(az_lower(last))
        return {case: f"{prefix}{last}{ending}" for case, ending in endings.items()}
    endings, softened = _plain_endings(az_lower(last)), _softened(last)
    # Only an ending that starts with a vowel softens the final consonant: "Prokurorluğu", "Prokurorluqda".
    return {case: prefix + (softened if ending[0] in _VOWELS else last) + ending
            for case, ending in endings.items()}


def is_abbreviation(word):
    """True for a word written as an abbreviation: two or more capitals, as in "DMX", "BMqT", "GUAM"."""
    return " " not in word and sum(char.isupper() for char in word) >= 2


def _harmony(word):
    """The four-way and two-way harmony vowels that follow the word's last vowel."""
    last_vowel = next((char for char in reversed(word) if char in _VOWELS), "ə")
    return _FOUR_WAY[last_vowel], "a" if last_vowel in _BACK else "ə"


def _possessive_endings(word):
    """Endings after a possessive suffix: the buffer n comes first ("Xidmətinin", "Xidmətində")."""
    high, low = _harmony(word)
    return {"genitive": f"n{high}n", "dative": f"n{low}", "accusative": f"n{high}",
            "locative": f"nd{low}", "ablative": f"nd{low}n"}


def _plain_endings(word):
    """Endings of a plain word: buffer n or y after a vowel, none after a consonant."""
    high, low = _harmony(word)
    if word[-1] in _VOWELS:
        return {"genitive": f"n{high}n", "dative": f"y{low}", "accusative": f"n{high}",
                "locative": f"d{low}", "ablative": f"d{low}n"}
    return {"genitive": f"{high}n", "dative": low, "accusative": high,
            "locative": f"d{low}", "ablative": f"d{low}n"}


def _softened(word):
    """Final q and k of a word of several syllables soften before a vowel ending ("Prokurorluğu")."""
    if sum(char in _VOWELS for char in az_lower(word)) < 2:
        return word
    return word[:-1] + {"q": "ğ", "k": "y"}.get(word[-1], word[-1])


def _spoken_form(abbreviation):
    """How an abbreviation sounds: as a word ("DİN", "GUAM", "ABŞ") or letter by letter ("DMX", "AŞ")."""
    letters = az_lower(abbreviation)
    if _reads_as_word(letters):
        return letters
    return _LETTER_NAMES.get(letters[-1], letters[-1])


def _reads_as_word(letters):
    """A pronounceable abbreviation: a vowel, three letters or more, no cluster of two opening consonants
    and no run of three consonants."""
    shape = "".join("v" if char in _VOWELS else "c" for char in letters)
    return len(letters) >= 3 and "v" in shape and not shape.startswith("cc") and "ccc" not in shape
