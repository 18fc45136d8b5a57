"""Binding checked values into a saved query's text as VALUES blocks, where the optimiser sees them.

A VALUES block is part of the query's algebra, so Oxigraph's join planner starts from it, and a remote
store runs the same text. Oxigraph's SEP-0007 substitutions were hidden from its planner (ten times
slower for measures-by-agency at 100x) and are no part of the SPARQL protocol. Every term is written by
pyoxigraph's own serialisation of a term built from a value already checked by type; a caller's text is
never pasted.

One block goes first in the outer WHERE group, binding every value. A FILTER or BIND sees only the
variables of its own group, so a group inside it that mentions a parameter (the files filter on a year
in the group that binds it, and grlc writes the value everywhere) gets a block of its own, with the
values it mentions: the answer is the one substitution and grlc give.

Groups are found by a small tokenizer that knows IRIs, strings, comments and braces, so that a brace, a
"WHERE" or a "?_x_iri" in a comment or a literal cannot mislead it. Neither pyoxigraph nor rdflib gives
positions in the text, hence hand-made.
"""

import dataclasses
import functools
import re

# An IRIREF as SPARQL's grammar has it: "<", no space, quote, brace, bar, caret, backtick or backslash,
# ">". A "<" that starts none is the less-than operator.
TOKEN = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<variable>[?$]\w+)
  | (?P<open>\{)
  | (?P<close>\})
  | (?P<word>[A-Za-z_][\w-]*(?::[\w.-]*)?)
  | (?P<other>\S)
""", re.VERBOSE | re.DOTALL)


class QueryShapeError(ValueError):
    """A query's text has no WHERE group, or its braces do not pair up."""


@dataclasses.dataclass(frozen=True)
class Group:
    """A group graph pattern a VALUES block can open: where its "{" ends, and the variables it mentions."""

    start: int
    variables: frozenset


def with_values(text, terms):
    """`text` with `terms` ({variable name: pyoxigraph term}) bound by VALUES blocks (see the module's doc).

    No terms, no block: an optional parameter left out stays unbound.
    """
    if not terms:
        return text
    outer, *inner = groups(text)
    blocks = [(outer.start, list(terms))]
    blocks += [(group.start, [name for name in terms if name in group.variables]) for group in inner]
    for start, names in sorted(blocks, reverse=True):
        if names:
            text = f"{text[:start]} {_block(names, terms)}{text[start:]}"
    return text


def _block(names, terms):
    """One VALUES block of one row; str() of a pyoxigraph term is its N-Triples form, which SPARQL reads."""
    return f"VALUES ({' '.join('?' + name for name in names)}) {{ ({' '.join(str(terms[n]) for n in names)}) }}"


@functools.lru_cache(maxsize=256)
def groups(text):
    """The outer WHERE group, then every group inside it that can open with a VALUES block.

    Left out: a VALUES block's own braces, and a group that is a subquery (a block cannot come before its
    SELECT; its own WHERE group is counted instead).
    """
    tokens = [match for match in TOKEN.finditer(text) if match.lastgroup != "comment"]
    first = _where_token(tokens)
    found, open_groups, data_next = [], [], False
    for index in range(first, len(tokens)):
        token, kind = tokens[index], tokens[index].lastgroup
        if kind == "open":
            opens_group = not data_next and not _is_word(tokens, index + 1, "SELECT")
            open_groups.append((token.end(), set(), opens_group))
            data_next = False
        elif kind == "close":
            start, variables, opens_group = open_groups.pop()
            if opens_group:
                found.append(Group(start, frozenset(variables)))
            if not open_groups:
                return tuple(sorted(found, key=lambda group: group.start))
        elif kind == "variable":
            for _, variables, _ in open_groups:
                variables.add(token.group()[1:])
        elif _is_word(tokens, index, "VALUES"):
            data_next = True
    raise QueryShapeError("the query's WHERE group is not closed")


def _where_token(tokens):
    """The index of the "{" that opens the outer WHERE group: the first at the top level after WHERE, else
    (WHERE may be left out of SELECT and ASK) the first at the top level."""
    depth, first, after_where = 0, None, False
    for index, token in enumerate(tokens):
        if token.lastgroup == "open":
            if depth == 0 and (after_where or first is None):
                first = index
                if after_where:
                    return index
            depth += 1
        elif token.lastgroup == "close":
            depth -= 1
        elif depth == 0 and _is_word(tokens, index, "WHERE"):
            after_where = True
    if first is None:
        raise QueryShapeError("the query has no WHERE group")
    return first


def _is_word(tokens, index, word):
    return index < len(tokens) and tokens[index].lastgroup == "word" and tokens[index].group().upper() == word
