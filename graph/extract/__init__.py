"""Extraction of dates, legal-act citations, counts and figures from report text.

Every extractor takes plain text (a paragraph, or any span) and returns mentions with character offsets
into that text, so a caller that knows the text's line numbers can quote it exactly. The helpers below
are shared by the extractors.
"""

MONTHS = ("yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr",
          "noyabr", "dekabr")
LOWER_LETTERS = "a-zəıöüşçğ"
_AZ_UPPER = str.maketrans({"I": "ı", "İ": "i"})


def lower_same_length(text):
    """Azerbaijani lower case that keeps every offset: one character in, one character out."""
    translated = text.translate(_AZ_UPPER)
    lowered = translated.lower()
    if len(lowered) == len(translated):  # no character grew in lower case: the common, fast case
        return lowered
    return "".join(ch.lower()[0] for ch in translated)


def squash(text):
    """Text with every run of white space, hard line breaks included, made one space."""
    return " ".join(text.split()) if text is not None else None


def month_number(word):
    """1-12 for a month name in any case form ("martın", "sentyabrda"), by its stem."""
    for index, name in enumerate(MONTHS):
        if word.startswith(name):
            return index + 1
    raise ValueError(f"not a month name: {word!r}")


def leftmost_longest(candidates):
    """Non-overlapping (kind, match) pairs: the earliest start wins, then the longest, then list order."""
    ranked = sorted(enumerate(candidates), key=lambda item: (item[1][1].start(), -item[1][1].end(), item[0]))
    chosen, reached = [], -1
    for _, (kind, match) in ranked:
        if match.start() >= reached:
            chosen.append((kind, match))
            reached = match.end()
    return chosen


_OPEN, _CLOSE = "“", "”"
_STOP = ("\n\n", ". ")


def quote_before(text, position):
    """The quoted title whose closing quote stands right before `position` (white space between is fine),
    as (title, index of the opening quote); None when no quote closes there.

    Nested titles are balanced; when an opening quote is missing (“A” B” is common in the reports) the
    earliest opening quote of the sentence is taken.
    """
    close = len(text[:position].rstrip())
    if close == 0 or text[close - 1] not in _CLOSE + '"':
        return None
    if text[close - 1] == '"':
        opening = text.rfind('"', 0, close - 1)
    else:
        opening = _curly_opening(text, close - 1)
    return (text[opening + 1:close - 1], opening) if opening is not None and opening >= 0 else None


def _curly_opening(text, closing):
    """The opening quote that balances the closing one, else the sentence's earliest, else None."""
    depth, earliest = 0, None
    for index in range(closing, -1, -1):
        if text.startswith(_STOP, index):
            break
        depth += {_CLOSE: 1, _OPEN: -1}.get(text[index], 0)
        if text[index] == _OPEN:
            earliest = index
            if depth == 0:
                break
    return earliest


def quote_after(text, position):
    """The quoted title opening right after `position`, as (title, index just past its closing quote)."""
    opening = position + len(text[position:]) - len(text[position:].lstrip())
    if opening >= len(text) or text[opening] not in _OPEN + '"':
        return None
    if text[opening] == '"':
        close = text.find('"', opening + 1)
        return (text[opening + 1:close], close + 1) if close > 0 else None
    depth = 0
    for index in range(opening, len(text)):
        depth += {_OPEN: 1, _CLOSE: -1}.get(text[index], 0)
        if depth == 0:
            return text[opening + 1:index], index + 1
    return None
