"""Executing bodies: the plan's executing-body cells parsed into curated bodies, and body mentions in text.

This module is the public face of the registry: it re-exports Body, Registry, load_registry, body_iri,
inflected_forms and registry_graph from the modules that hold them.
"""

import re
from dataclasses import dataclass
from itertools import groupby

from atkg.graph.bodies import Body, Registry, body_iri, load_registry
from atkg.graph.body_graph import registry_graph
from atkg.graph.body_matcher import Match, longest_match, words
from atkg.graph.inflection import inflected_forms
from atkg.graph.text import tidy

__all__ = ["Body", "BodyCell", "Mention", "Registry", "UnknownBodyError", "body_iri", "find_mentions",
           "inflected_forms", "load_registry", "parse_executing_bodies", "registry_graph"]

_GAP = re.compile(r"[\s,;\"“”«»'*]*")
_INVOLVING = ("cəlb", "etməklə")


class UnknownBodyError(ValueError):
    """A cell holds text that names no curated body."""


@dataclass(frozen=True)
class BodyCell:
    """The keys of the bodies a measure names as responsible, and of those it involves ("... cəlb etməklə")."""

    responsible: tuple[str, ...]
    involved: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    """A curated body named in a text at [start, end), as written there."""

    key: str
    start: int
    end: int
    surface: str


def find_mentions(text, *, registry):
    """Every mention of a curated body in the text, left to right; the longest name wins, none overlap."""
    text_words, mentions, index = words(text), [], 0
    while index < len(text_words):
        match = longest_match(text, text_words, index, registry=registry)
        if match is None:
            index += 1
            continue
        start, end = text_words[match.first].start, text_words[match.last - 1].end
        mentions.append(Mention(match.key, start, end, text[start:end]))
        index = match.last
    return mentions


def parse_executing_bodies(cell, *, registry):
    """The bodies of one executing-body cell of the plan.

    Names in the nominative are responsible; names in the accusative before "cəlb etməklə" ("by involving")
    are involved. Between names only commas and "və" may stand: any other text raises UnknownBodyError.
    """
    text_words = words(cell)
    pieces = _pieces(cell, text_words, registry)
    leftovers = _leftover_runs(cell, text_words, pieces) + [gap for gap in _gaps(cell, text_words) if gap]
    if leftovers:
        named = ", ".join(f'"{tidy(text)}"' for text in leftovers)
        raise UnknownBodyError(f'no curated body matches {named} in executing-body cell "{tidy(cell)}"')
    return _by_role(cell, text_words, pieces)


def _by_role(cell, text_words, pieces):
    """Nominative names are responsible, accusative ones before "cəlb etməklə" involved; others are errors."""
    involving_at = next((piece.first for piece in pieces if piece.case == "involving"), -1)
    responsible, involved = [], []
    for match in (piece for piece in pieces if piece.key is not None):
        if match.case == "nominative":
            responsible.append(match.key)
        elif match.case == "accusative" and match.last <= involving_at:
            involved.append(match.key)
        else:
            surface = tidy(cell[text_words[match.first].start:text_words[match.last - 1].end])
            raise UnknownBodyError(f'"{surface}" is in the {match.case} case, out of place in executing-body '
                                   f'cell "{tidy(cell)}"')
    return BodyCell(tuple(dict.fromkeys(responsible)), tuple(dict.fromkeys(involved)))


def _pieces(cell, text_words, registry):
    """The cell's words cut into body names and, with no key, connectors ("və", case "connector"), the
    involving clause ("cəlb etməklə", case "involving") and unknown words (case "leftover")."""
    pieces, index = [], 0
    while index < len(text_words):
        match = longest_match(cell, text_words, index, registry=registry)
        width = _connector_width(text_words, index)
        if match is None:
            case = {0: "leftover", 1: "connector", 2: "involving"}[width]
            match = Match(None, case, index, index + max(width, 1))
        pieces.append(match)
        index = match.last
    return pieces


def _leftover_runs(cell, text_words, pieces):
    """The text of each run of unknown words."""
    runs = []
    for is_leftover, group in groupby(pieces, key=lambda piece: piece.case == "leftover"):
        if is_leftover:
            group = list(group)
            runs.append(cell[text_words[group[0].first].start:text_words[group[-1].last - 1].end])
    return runs


def _connector_width(text_words, index):
    """2 at "cəlb etməklə", 1 at "və", else 0."""
    folded = tuple(word.folded for word in text_words[index:index + 2])
    if folded == _INVOLVING:
        return 2
    return 1 if folded[:1] == ("və",) else 0


def _gaps(cell, text_words):
    """The text between words (and around them) that is not white space or punctuation allowed in a list."""
    bounds = [0, *(edge for word in text_words for edge in (word.start, word.end)), len(cell)]
    gaps = (cell[left:right] for left, right in zip(bounds[::2], bounds[1::2]))
    return [_GAP.sub("", gap) for gap in gaps]
