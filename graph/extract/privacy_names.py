"""Words and name groups for finding private persons' names in report text.

A name is a group of capitalised words that are not institutional or common sentence words. Report text
is full of capitalised institution names ("Dövlət Miqrasiya Xidmətinə"), so a capitalised word only counts
as part of a name when a detector has a cue (a nationality word, a patronymic, a role word) right next to it.
When in doubt a word is taken as part of a name: a false redaction loses little, a leaked name cannot be
taken back.
"""

import re
from functools import cached_property, lru_cache
from dataclasses import dataclass

from atkg.graph.text import az_lower

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Whitespace with at most one line break: a blank line ends a paragraph and so a name.
_JOINING_GAP = re.compile(r"[ \t]*\n?[ \t]*")
_LIST_GAP = re.compile(r"[ \t]*,[ \t]*\n?[ \t]*")
# Stems of the words that name institutions; they never start a personal name or belong to a country's.
_INSTITUTION_STEMS = (
    "xidmət", "nazirli", "komitə", "agentli", "idarə", "şöbə", "mərkəz", "təşkilat", "akademiya", "prokurorlu",
    "məhkəmə", "polis", "sərhəd", "gömrük", "miqrasiya", "hökumət", "səfirli", "konsulluq", "departament",
    "komissarlı", "aparat", "ombudsman", "müvəkkil", "parlament", "məclis", "universitet", "təhlükəsizli",
    "vergi", "müfəttişli", "monitorinq", "cəmiyyət", "şura",
)
# Stems of state, place, document and country words that never start a personal name.
_STOP_STEMS = _INSTITUTION_STEMS + (
    "azərbaycan", "respublika", "birləşmiş", "beynəlxalq", "qanun", "qərar", "fərman", "sərəncam", "saziş",
    "memorandum", "konvensiya", "layihə", "proqram", "qayda", "şəhər", "rayon", "prezident", "əmək", "turizm",
    "reklam", "statistika", "sosial",
    # Countries without the -stan ending, in any case form ("Rusiyaya", "Türkiyədən").
    "türkiyə", "rusiya", "ukrayna", "filippin", "koreya", "suriya", "almaniya", "fransa", "italiya", "ispaniya",
    "polşa", "belarus", "moldova", "rumıniya", "israil", "amerika", "səudiyyə", "banqladeş", "niderland",
    "misir", "iran", "iraq", "nepal", "kipr", "şri-lanka", "yunanıstan",
)
# Exact words (folded) that are capitalised at a sentence start or name a place or an abbreviation.
_STOP_WORDS = frozenset(
    "bu belə eyni həmçinin bununla bundan lakin hesabat cari qeyd həmin onlar o habelə eləcə ancaq bəzi "
    "digər hər iş işlər və ya ilə üçün görə bakı sumqayıt gəncə naxçıvan din dmx dsx dtx xin bmt bmqt "
    "abş aş aqupdk əəsmn iambi atət guam greta milli daxili xarici baş ümumi "
    "regional insan alveri alverinə mübarizə çin çinə çində çindən çinin".split()
)
# Opening words of institution names ("Dövlət Miqrasiya Xidməti"): a stop only when the next word is one,
# since "Dövlət" is also a given name.
_OPENERS = frozenset({"dövlət", "daxili", "xarici", "milli", "baş"})
# Lower-case particles inside foreign names (Nur ul Amin, Ali bin Said).
_PARTICLES = frozenset({"bin", "ibn", "ul", "al", "el", "ud", "ur", "de", "da", "di", "van", "von"})
PATRONYMIC = re.compile(r"(?:oğlu|qızı)(?:n(?:a|ın|un|ı|u|dan|da)|yla)?")


@dataclass(frozen=True)
class Token:
    """A word of the text with its character span."""

    text: str
    start: int
    end: int

    @cached_property
    def folded(self):
        """The word in Azerbaijani lower case (worked out once: the matchers ask for it again and again)."""
        return az_lower(self.text)

    @property
    def capitalised(self):
        """True when the word starts with a capital letter."""
        return self.text[0].isupper()


def tokens(text):
    """The words of `text` in order."""
    return list(_tokens(text))


def forget_texts():
    """Drop the words remembered of the texts read so far (private names among them)."""
    _tokens.cache_clear()


@lru_cache(maxsize=1024)  # the detectors of one report read the words of the same paragraph again and again
def _tokens(text):
    return tuple(Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text))


def joined(text, left, right):
    """True when only white space (at most one line break) separates two tokens."""
    return bool(_JOINING_GAP.fullmatch(text[left.end:right.start]))


def is_institutional(word):
    """True when the word names an institution ("İdarəsinə", "Nazirliyinin", "Xidməti")."""
    return word.folded.startswith(_INSTITUTION_STEMS)


def is_stop(words, index, text):
    """True when words[index] cannot be part of a personal name."""
    word = words[index]
    folded = word.folded
    if folded in _STOP_WORDS or folded.startswith(_STOP_STEMS) or folded.endswith("stan"):
        return True
    if folded in _OPENERS and index + 1 < len(words):
        return joined(text, word, words[index + 1]) and is_stop(words, index + 1, text)
    return False


def is_name_word(words, index, text):
    """True when words[index] may be part of a personal name."""
    return words[index].capitalised and not is_stop(words, index, text)


def name_group(words, index, text, *, longest=4):
    """The end index (exclusive) of the name starting at words[index], or None when none starts there."""
    if index >= len(words) or not is_name_word(words, index, text):
        return None
    end = index + 1
    while end < len(words) and end - index < longest and joined(text, words[end - 1], words[end]):
        if is_name_word(words, end, text):
            end += 1
        elif words[end].folded in _PARTICLES and end + 1 < len(words) and is_name_word(words, end + 1, text):
            end += 2
        else:
            break
    # "Əli Vəli oğlu": the patronymic word closes the name.
    if end < len(words) and PATRONYMIC.fullmatch(words[end].folded) and joined(text, words[end - 1], words[end]):
        end += 1
    return end


def name_list(words, index, text):
    """Names listed from words[index] ("A B, C D və E F"): (end index, number of names) or None."""
    end = name_group(words, index, text)
    if end is None:
        return None
    count = 1
    while end < len(words):
        gap = text[words[end - 1].end:words[end].start]
        following = end + 1 if words[end].folded == "və" and joined(text, words[end - 1], words[end]) else end
        if following == end and not _LIST_GAP.fullmatch(gap):
            break
        if following < len(words) and following != end and not joined(text, words[end], words[following]):
            break
        next_end = name_group(words, following, text)
        if next_end is None:
            break
        end, count = next_end, count + 1
    return end, count
