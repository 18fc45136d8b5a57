"""Officials named in their official role: a name with a public title right before or right after it.

"Xidmətin rəisi Vüsal Hüseynov", "rəis müavini Əliyev Kamran Tahir oğlu", "İlham ƏLİYEV, Azərbaycan
Respublikasının Prezidenti" name officials; "şirkətin direktoru Əliyev Əli Vəli oğlu" names a private person
whose title belongs to a company. A title that only a public office has (nazir, prezident, səfir...) is
always public; a title any organisation has (rəis, direktor, müdir...) is public when its owner is a
capitalised name ("Xidmətin", "DİN-in") or a public office ("rəis müavini").
"""

import re

_PUBLIC_TITLES = frozenset(
    "prezident prezidenti nazir naziri səfir səfiri müvəkkil müvəkkili ombudsman prokuror prokuroru hakim "
    "hakimi deputat deputatı".split())
_GENERIC_TITLES = frozenset(
    "müavin müavini rəis rəisi sədr sədri direktor direktoru müdir müdiri başçısı katib katibi nümayəndəsi "
    "koordinatoru komissarı müşaviri mütəxəssisi əməkdaşı rəhbəri".split())
_PUBLIC_OWNERS = frozenset({"rəis", "nazir", "baş", "sədr", "prezident"})
# Companies, even when written in capitals ("MMC-nin direktoru": the director of a limited company).
_PRIVATE_OWNERS = ("mmc", "asc", "qsc", "ltd", "şirkət", "firma", "müəssisə", "obyekt", "restoran", "otel")
# After the name: a comma or parenthesis, then a title ending the phrase ("..., Xidmətin rəisi").
_TITLE_AFTER = re.compile(r"[ \t*]*[,(](?:[^.\n]|\n(?![ \t]*\n)){0,80}?(\w+)[ \t*]*(?:[),.\n]|$)")


def _public_title(words, index):
    """True when words[index] is a title of public office, judged with the word before it (its owner)."""
    title = words[index].folded
    if title in _PUBLIC_TITLES:
        return True
    if title not in _GENERIC_TITLES or index == 0:
        return False
    owner = words[index - 1]
    if owner.folded.startswith(_PRIVATE_OWNERS):
        return False
    return owner.capitalised or owner.folded in _PUBLIC_OWNERS


def is_official(text, words, candidate):
    """True when a public title stands right before the name or closes a phrase right after it."""
    before = [index for index, word in enumerate(words) if word.end <= candidate.start]
    if before:
        last = before[-1]
        if re.fullmatch(r"[ \t]*\n?[ \t]*", text[words[last].end:candidate.start]) and _public_title(words, last):
            return True
    after = _TITLE_AFTER.match(text, candidate.end)
    if not after:
        return False
    index = next((i for i, word in enumerate(words) if word.start == after.start(1)), None)
    return index is not None and _public_title(words, index)
