"""How cited acts relate, read from the sentence around them: which act approves which document
("... ilə təsdiq edilmiş “...”"), which amends which ("“...” dəyişiklik edilməsi barədə” ... Qanunu", or
the act that adopted a draft amending another act), and what an elided citation ("40 nömrəli Qərarı")
shares with the citation before it.
"""

import re
from dataclasses import dataclass, replace

from atkg.graph.extract import quote_after, quote_before, squash
from atkg.graph.extract.dates import sentence_bounds

_AMENDING = re.compile(r"dəyişiklik")
_WITH = re.compile(r"\s+ilə\s+(?:isə\s+)?")
_PARTICIPLE = re.compile(r"təsdiq\s+(?:edilmiş|olunmuş)(?!d[iu]r)\s*")
_FINITE = re.compile(r"\s+ilə\s+təsdiq\s+(?:edilmişdir|olunmuşdur)")
_VERB = re.compile(r"(?:təsdiq|qəbul)\s+(?:edil|olun)")
_LIST_SEPARATOR = re.compile(r"\s*(?:,|və)\s*")
_DRAFT_BEFORE = re.compile(r"[”\"]\s*layihəsi(?:\s+isə)?\s+$")


@dataclass(frozen=True)
class ActRef:
    """A pointer to an act or document: what approves/amends point at."""

    kind: str
    number: str = None
    date: str = None
    title: str = None


_DOCUMENT_KINDS = (("qayda", "regulation"), ("əsasnamə", "regulation"), ("siyahı", "regulation"),
                   ("nümunə", "regulation"), ("proqram", "programme"), ("planı", "action-plan"),
                   ("saziş", "international-agreement"))
AGREEMENTS = ("international-agreement", "cooperation-agreement", "memorandum")


def kind_of(word, issuer):
    """The legal-act-type slug of a kind word ("Qərarı", "Fərmanı") given who issued the act."""
    word, issuer = (word or "").lower(), issuer or ""
    if word.startswith("fərman"):
        return "presidential-decree"
    if word.startswith("qanun"):
        return "law"
    if word.startswith("məktub"):
        return "letter"
    if word.startswith("dərkənar"):
        return "cabinet-note" if "Kabinet" in issuer else "decision"
    if word.startswith("əmr") or "rəis" in issuer:
        return "agency-order"
    if "Kabinet" in issuer:
        return "cabinet-order" if word.startswith("sərəncam") else "cabinet-decision"
    if "Baş nazir" in issuer:
        return "prime-minister-decision"
    if word.startswith("sərəncam"):
        return "presidential-order" if "Prezident" in issuer else "order"
    return "decision"


def nominative(issuer):
    """The issuer as a nominative phrase: "Nazirlər Kabinetinin" becomes "Nazirlər Kabineti"."""
    if not issuer:
        return None
    issuer = " ".join(issuer.split())
    return issuer[:-3] if issuer.endswith(("nın", "nin", "nun", "nün")) else issuer


def signing_date(text, start, end, dates):
    """The date an agreement was signed: a day mentioned earlier in a sentence that says "imzalan"."""
    first, last = sentence_bounds(text, start)
    if "imzalan" not in text[end:last]:
        return None
    before = [m for m in dates if first <= m.start and m.end <= start and len(m.dates) == 1]
    days = [m.dates[0] for m in before if m.dates[0].precision == "day"]
    return days[-1].start.isoformat() if days else None


def inherit_elided(citations, text):
    """"39 nömrəli Qərarı ..., 40 nömrəli Qərarı": the second shares the first's issuer and date."""
    result = []
    for citation in citations:
        previous = result[-1] if result else None
        if (previous and citation.number and not citation.issuer and not citation.date and previous.number
                and previous.kind.endswith(citation.kind) and _same_sentence(text, previous.start, citation.start)):
            citation = replace(citation, issuer=previous.issuer, date=previous.date, kind=previous.kind)
        result.append(citation)
    return result


def link(citations, text):
    """The citations with their approves and amends filled in."""
    return [replace(c, approves=tuple(_approves(c, citations, text)), amends=tuple(_amends(c, citations, text)))
            for c in citations]


def _approves(citation, citations, text):
    refs = _approved_after(citation, citations, text)
    if not refs and _FINITE.match(text, citation.end):
        first, _ = sentence_bounds(text, citation.start)
        earlier = [c for c in citations if first <= c.start < citation.start and c.kind in AGREEMENTS]
        refs = [earlier[-1].ref()] if earlier else []
    return refs


def _approved_after(citation, citations, text):
    """Documents named right after "... ilə (təsdiq edilmiş)": quoted titles, or a cited act."""
    joint = _WITH.match(text, citation.end)
    if not joint:
        return []
    position = joint.end()
    participle = _PARTICIPLE.match(text, position)
    position = participle.end() if participle else position
    following = [c for c in citations if c.start == position]
    if following and _VERB.match(text, following[0].end + 1):
        return [following[0].ref()]
    titles = _quoted_list(text, position)
    _, last = sentence_bounds(text, citation.start)
    if titles and (participle or _VERB.search(text, position, last)):
        return [_document(title, after) for title, after in titles]
    return []


def _quoted_list(text, position):
    titles = []
    while (quoted := quote_after(text, position)) is not None:
        titles.append((quoted[0], text[quoted[1]:quoted[1] + 30]))
        separator = _LIST_SEPARATOR.match(text, quoted[1])
        if not separator:
            break
        position = separator.end()
    return titles


def _document(title, following):
    """A document approved by an act, typed by the last word of its title or the word after the quote."""
    words = (title[-40:] + " " + " ".join(following.split()[:1])).lower()
    kind = next((slug for stem, slug in _DOCUMENT_KINDS if stem in words), "document")
    return _ref(kind, title)


def _ref(kind, title):
    return ActRef(kind, title=squash(title))


def _amends(citation, citations, text):
    if citation.title and _AMENDING.search(citation.title):
        quoted = quote_before(text, citation.start)
        return _nested_before_amending(quoted, citation, citations, text) if quoted else []
    draft = _DRAFT_BEFORE.search(text[:citation.start])
    if draft:
        quoted = quote_before(text, draft.start() + 1)
        if quoted and _AMENDING.search(quoted[0]):
            return _nested_before_amending(quoted, citation, citations, text)
    return []


def _nested_before_amending(quoted, citation, citations, text):
    """The act cited last before the title's "dəyişiklik": the one the title says is amended."""
    title, opening = quoted
    amending_at = opening + 1 + [m.start() for m in _AMENDING.finditer(title)][-1]
    inside = [c for c in citations if c is not citation and opening <= c.start and c.end <= amending_at]
    return [inside[-1].ref()] if inside else []


def _same_sentence(text, one, other):
    return sentence_bounds(text, one) == sentence_bounds(text, other)
