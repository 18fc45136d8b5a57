"""What a SPARQL text asks for beyond the local data: SERVICE calls, FROM graphs, LOAD and USING/WITH clauses.

Oxigraph follows SERVICE and LOAD by itself, so every text is read here first. A small tokenizer (strings,
IRIs, comments, words, braces) is enough: the targets of these keywords are always the next token, and a
keyword inside a string, IRI or comment is skipped exactly as the real parser skips it.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

TOKEN = re.compile(
    r'(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\')'
    r'|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)'
    r'|(?P<comment>#[^\n\r]*)'
    r'|(?P<word>(?:[^\s{}()\[\]<>"\'#,;^\\]|\\.)+)'
    r'|(?P<brace>[{}])'
    r'|(?P<other>\S)',
    re.S,
)


# The words whose targets are checked, as whole words: "wasDerivedFrom" or "download" hold none of them.
REACHING_WORD = re.compile(r"\b(?:service|from|load)\b", re.IGNORECASE)
GLUED_KEYWORD = re.compile(r"([^:]*[.*])(service|from|load)", re.IGNORECASE)


class Refused(ValueError):
    """The text asks this service to contact another address; the message says why it is refused."""


@dataclass
class Reach:
    """What a query or update asks for beyond the stored data, and where a USING clause would go."""

    services: list = field(default_factory=list)
    from_graphs: list = field(default_factory=list)
    loads: list = field(default_factory=list)
    has_dataset_clause: bool = False
    where_offsets: list = field(default_factory=list)


def tokens(text):
    """(kind, text, offset) of every token that is not white space or a comment.

    A keyword glued to what ends a variable, IRI, literal or number (`?o.SERVICE`, `<x>.SERVICE`,
    `*FROM`) is a token of its own, as Oxigraph reads it; in a prefixed name (`ex:a.service`) it is not.
    """
    for match in TOKEN.finditer(text):
        if match.lastgroup == "comment":
            continue
        glued = GLUED_KEYWORD.fullmatch(match.group()) if match.lastgroup == "word" else None
        if glued:
            yield "other", glued.group(1), match.start()
            yield "word", glued.group(2), match.start(2)
        else:
            yield match.lastgroup, match.group(), match.start()


def read_reach(text, *, base, query=False):
    """Find SERVICE, FROM, LOAD, USING and WITH in `text`; relative IRIs resolve against `base`.

    For a query (`query=True`) that holds none of the words SERVICE, FROM or LOAD anywhere, not even in a
    string, there is nothing to find, and the tokenizer is skipped.
    """
    reach, prefixes, depth = Reach(), {}, 0
    if query and not REACHING_WORD.search(text):
        return reach
    toks = list(tokens(text))
    for index, (kind, value, offset) in enumerate(toks):
        word = value.upper() if kind == "word" else ""
        if kind == "brace":
            depth += 1 if value == "{" else -1
        elif word == "BASE" and _kind_at(toks, index + 1) == "iri":
            base = urljoin(base, toks[index + 1][1][1:-1])
        elif word == "PREFIX" and _kind_at(toks, index + 2) == "iri":
            prefixes[toks[index + 1][1].rstrip(":")] = urljoin(base, toks[index + 2][1][1:-1])
        elif word in ("SERVICE", "LOAD", "FROM"):
            target = _target(toks, index + 1, base=base, prefixes=prefixes)
            {"SERVICE": reach.services, "LOAD": reach.loads, "FROM": reach.from_graphs}[word].append(target)
        elif word in ("USING", "WITH") and depth == 0:
            reach.has_dataset_clause = True
        elif word == "WHERE" and depth == 0 and _word_at(toks, index - 1) != "DELETE":
            reach.where_offsets.append(offset)
    return reach


def _kind_at(toks, index):
    return toks[index][0] if index < len(toks) else None


def _word_at(toks, index):
    return toks[index][1].upper() if 0 <= index < len(toks) and toks[index][0] == "word" else None


def _target(toks, index, *, base, prefixes):
    """The IRI a keyword points at (skipping SILENT / NAMED), or None when it is a variable or unreadable."""
    if _word_at(toks, index) in ("SILENT", "NAMED"):
        index += 1
    if index >= len(toks):
        return None
    kind, value, _ = toks[index]
    if kind == "iri":
        return urljoin(base, value[1:-1])
    if kind == "word" and ":" in value and value[0] not in "?$":
        prefix, local = value.split(":", 1)
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    return None


def allowed(iri, allowlist):
    """True when `iri` is an http(s) address under one of the allow-listed addresses (same host and port)."""
    if not iri or "\\" in iri or any(ch.isspace() for ch in iri):
        return False
    target = urlsplit(iri)
    for entry in allowlist:
        permitted = urlsplit(entry)
        if (target.scheme in ("http", "https") and target.scheme == permitted.scheme
                and target.hostname == permitted.hostname and target.port == permitted.port
                and target.path.startswith(permitted.path)):
            return True
    return False


def check_outbound(reach, *, allowlist, local_graphs=None):
    """Raise Refused, with a plain message, when the text would make this server contact another address."""
    for label, targets in (("SERVICE", reach.services), ("LOAD", reach.loads)):
        for target in targets:
            if not allowed(target, allowlist):
                raise Refused(_refusal(label, target, allowlist))
    if local_graphs is not None:
        for target in reach.from_graphs:
            if target not in local_graphs:
                raise Refused(
                    f"FROM <{target}> names a graph this service does not hold, and it never downloads "
                    "graphs from the web. Its graphs are listed in the service description "
                    "(/.well-known/void).")


def _refusal(label, target, allowlist):
    where = f"<{target}>" if target else "an address given by a variable or an unknown prefix"
    allowed_text = ", ".join(allowlist) if allowlist else "none are allowed on this server"
    return (f"This service does not contact other addresses on behalf of a query: {label} {where} was "
            f"refused. Addresses it may contact: {allowed_text}.")
