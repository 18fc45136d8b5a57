"""Writing checked values into a saved query's text as terms, in place of their variables.

Each term is written by pyoxigraph's own serialisation of a term built from a value already checked by
type, at a variable found by a tokenizer; a caller's text is never pasted. The text is then plain
SPARQL 1.1 that any store runs, and a constant that the optimiser plans from: Oxigraph's SEP-0007
substitutions were hidden from its planner (measures-by-agency at 100x: 55 ms against 1.5 ms with the
term in the text). A VALUES block binding the variables was no better there (36-65 ms in the UNION
branches and OPTIONALs of measures-by-agency, 575 ms against 100 for status-by-section when it opens the
outer group), and a FILTER sees only its own group's variables, so one block first in the WHERE group
would have changed the answers of 8 of the 15 queries with parameters. A term in place of the variable
gives the answer substitution gave (and grlc's splicing of the same values, for the files grlc serves).

The tokenizer knows IRIs, strings, comments and braces, so that a "?_x_iri", a brace or a "WHERE" in a
comment or a literal cannot mislead it. Neither pyoxigraph nor rdflib gives positions in a query's text,
hence hand-made.
"""

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
    """A query's text has no WHERE group, its braces do not pair up, or a value's variable is used where
    a term cannot stand."""


def inline_terms(text, terms):
    """`text` with each variable of `terms` ({variable name: pyoxigraph term}) in its WHERE clause written
    as the term. A variable with no term (an optional parameter left out) stays, unbound."""
    inside, outside = variables_in(text)
    misplaced = sorted(set(terms) & outside)
    if misplaced:
        raise QueryShapeError(f"?{misplaced[0]} is used outside the WHERE clause, where a term cannot stand")
    for start, end, name in reversed(inside):
        if name in terms:
            text = f"{text[:start]}{terms[name]}{text[end:]}"  # str() of a term: its N-Triples form
    return text


@functools.lru_cache(maxsize=256)
def variables_in(text):
    """((start, end, name) of every variable in the outer WHERE group, in order; the names of those
    outside it, in the projection or the solution modifiers)."""
    tokens = [match for match in TOKEN.finditer(text) if match.lastgroup not in ("comment", "string", "iri")]
    first = _where_token(tokens)
    depth, inside, outside = 0, [], set()
    for index, token in enumerate(tokens):
        if token.lastgroup == "open":
            depth += 1
        elif token.lastgroup == "close":
            depth -= 1
        elif token.lastgroup == "variable" and index > first and depth > 0:
            inside.append((token.start(), token.end(), token.group()[1:]))
        elif token.lastgroup == "variable":
            outside.add(token.group()[1:])
    if depth:
        raise QueryShapeError("the query's braces do not pair up")
    return tuple(inside), frozenset(outside)


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
        elif depth == 0 and token.lastgroup == "word" and token.group().upper() == "WHERE":
            after_where = True
    if first is None:
        raise QueryShapeError("the query has no WHERE group")
    return first
