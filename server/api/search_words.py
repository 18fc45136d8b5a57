"""Words for search: Azerbaijani case folding, tokens as people type them, and a light suffix stemmer.

A word typed in capitals is an abbreviation and matches only
whole words; any other word matches the words it begins. Folding is atkg.graph.text.fold (İ→i, I→ı, then lower case), so "İŞLƏR" and "işlər" are one word while
"DIN" (dın) and "DİN" (din) stay apart, as the language has it. Only when that finds nothing does search
fall back to loose(), which also reads ə as e, ı as i, ş as s and so on.
"""

import re

from atkg.graph.text import fold

# A word keeps its inner hyphens and dots: "DMX-nin", "4.2.1", "4.1.6-cı"; the hyphen parts count too.
TOKEN = re.compile(r"\w+(?:[-.]\w+)*")
# Case, possessive and plural endings, longest first. Stripping them leaves a stem that begins every
# inflected form: "xidmətinin" -> "xidmət", "təşkilatları" -> "təşkilat".
SUFFIXES = sorted("""
    lar lər ları ləri ların lərin lara lərə larda lərdə lardan lərdən
    ın in un ün nın nin nun nün ının inin unun ünün ı i u ü nı ni nu nü
    a ə ya yə na nə da də ta tə dan dən tan tən ndan ndən nda ndə
    dır dir dur dür
""".split(), key=lambda suffix: (-len(suffix), suffix))
MIN_STEM = 4
MAX_ABBREVIATION = 5  # letters: DİN, DMX, ATƏT, ICMPD
MAX_STRIPS = 2
# People without an Azerbaijani keyboard type "xidmeti", "dovlet", "DIN": the fallback when nothing matches.
LATIN = str.maketrans({"ə": "e", "ı": "i", "ö": "o", "ü": "u", "ş": "s", "ç": "c", "ğ": "g"})


def tokens(text):
    """The folded words of `text` as typed, in order: "Miqrasiya Xidmətinin" -> [miqrasiya, xidmətinin]."""
    return TOKEN.findall(fold(text))


def abbreviations(text):
    """The folded words of `text` typed in capitals and as short as abbreviations are ("DİN", "DMX",
    "ATƏT"): search takes them as whole words, so "DİN" finds the ministry and not "dinlənilmişdir". A
    longer word in capitals ("MİQRAS") is someone typing with caps lock, and still a beginning."""
    return {fold(token) for token in TOKEN.findall(text)
            if token.isalpha() and token.isupper() and len(token) <= MAX_ABBREVIATION}


def index_words(text):
    """The folded words of `text` to index: each token, and the parts of a hyphenated one."""
    words = set()
    for token in tokens(text):
        words.add(token)
        if "-" in token:
            words.update(part for part in token.split("-") if part)
    return words


def stem(word):
    """`word` without up to two endings, never shorter than four letters; digits are left alone.

    A hyphenated word's ending is after the hyphen ("DMX-nin"), so its stem is the part before it.
    """
    if any(character.isdigit() for character in word):
        return word
    if "-" in word:
        return word.split("-")[0]
    for _ in range(MAX_STRIPS):
        cut = next((suffix for suffix in SUFFIXES
                    if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM), None)
        if cut is None:
            break
        word = word[:-len(cut)]
    return word


def loose(word):
    """A folded word with the Azerbaijani letters a Latin keyboard lacks replaced: "xidməti" -> "xidmeti"."""
    return word.translate(LATIN)


def folded(text):
    """The whole text folded and with white space collapsed, for exact comparison."""
    return " ".join(fold(text).split())
