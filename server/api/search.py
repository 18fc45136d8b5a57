"""Search as people type: measures, report entries, agencies, partners and acts by Azerbaijani or English
words, with İ/i and I/ı folded the Azerbaijani way, word prefixes, and inflected forms.

Ranking, best first: a name equal to the words typed ("exact"); a name with words beginning with each
word typed ("prefix"); an inflected form from the graph (skos:hiddenLabel), or a name matched through
the typed words' stems ("inflected"); then titles and running text of entries ("text"). When nothing
matches, the same again with ə read as e, ı as i and so on ("loose"), as typed on a Latin keyboard. The index is
built once per data version from the store (see search_index) and kept by the app.
"""

import re
import threading
import time

from flask import current_app

from atkg.graph.text import fold, tidy
from atkg.server.api.search_index import FIELDS_QUERY, THINGS_QUERY, build_index
from atkg.server.api.search_words import abbreviations, folded, loose, stem, tokens
from atkg.server.engine.service import get_engine

KINDS = ("measure", "entry", "agency", "partner", "act")
MATCHES = ("exact", "prefix", "inflected", "text", "loose")
DEFAULT_LIMIT = 20
MAX_LIMIT = 200
REMOTE_INDEX_SECONDS = 300
SNIPPET = 80  # characters of running text shown around the first word found
_LOCK = threading.Lock()


def search(text, *, limit=DEFAULT_LIMIT, kinds=None):
    """The things matching `text` in the app's current index, best first (see `find`)."""
    return find(current_index(), text, limit=limit, kinds=kinds)


def find(index, text, *, limit=DEFAULT_LIMIT, kinds=None):
    """The things of `index` matching `text`, best first, as dicts: iri, type, label {az, en}, notation,
    match, matched."""
    words, whole = tokens(text), abbreviations(text)
    if not words:
        return []
    best = {}
    matches = list(_matches(index, words, folded(text), whole))
    if not matches:  # typed without Azerbaijani letters, perhaps
        matches = [(number, "loose", index.fields[number].kind == "text")  # names before running text
                   for number in _fields_with_all(index, map(loose, words), {loose(word) for word in whole},
                                                  is_loose=True)]
    for number, match, guessed in matches:
        field = index.fields[number]
        if field.thing not in best or _order(match, guessed, field) < _order(*best[field.thing]):
            best[field.thing] = (match, guessed, field)
    found = sorted((_order(*found) + (index.things[thing].iri,), thing, found) for thing, found in best.items()
                   if kinds is None or index.things[thing].kind in kinds)
    return [_result(index.things[thing], match, field, words) for _, thing, (match, _, field) in found[:limit]]


def _matches(index, words, typed, whole):
    """(field number, match, guessed) for every field in which every typed word begins a word (or is one,
    for the `whole` words), or failing that every typed word's stem (a guess: guessed matches come after
    the others of their kind)."""
    direct = _fields_with_all(index, words, whole)
    for number in direct:
        field = index.fields[number]
        if field.kind == "label":
            yield number, "exact" if field.folded == typed else "prefix", False
        else:
            yield number, field.kind, False
    stems = [word if word in whole else stem(word) for word in words]
    for number in _fields_with_all(index, stems, whole) - direct:
        yield number, "text" if index.fields[number].kind == "text" else "inflected", True


def _fields_with_all(index, prefixes, whole, *, is_loose=False):
    """The fields holding, for every one of `prefixes`, a word it begins (or that word, for those in
    `whole`)."""
    found = None
    for prefix in prefixes:
        fields = (index.fields_with(prefix, is_loose=is_loose) if prefix in whole
                  else index.fields_starting(prefix, is_loose=is_loose))
        found = fields if found is None else found & fields
        if not found:
            return set()
    return found


def _order(match, guessed, field):
    """Sort key: the kind of match, words as typed before stems, the shorter (closer) name, the name."""
    return MATCHES.index(match), guessed, len(field.folded), field.folded


def _result(thing, match, field, words):
    matched = _snippet(field, words) if field.kind == "text" else field.text
    return {"iri": thing.iri, "type": thing.kind, "label": {"az": thing.labels.get("az"),
            "en": thing.labels.get("en")}, "notation": thing.notation, "match": match, "matched": matched}


def _snippet(field, words):
    """About SNIPPET characters of running text, from a little before the first typed word's stem."""
    text = tidy(field.text)
    found = re.search(r"\b" + re.escape(loose(stem(words[0]))), loose(fold(text)))  # same offsets as text
    start = max((found.start() if found else 0) - SNIPPET // 4, 0)
    return ("…" if start else "") + text[start:start + SNIPPET] + ("…" if start + SNIPPET < len(text) else "")


def current_index():
    """The app's search index for the current data version, built on first use (and after updates).

    A remote store has no version to follow, so its index is rebuilt when REMOTE_INDEX_SECONDS have passed.
    """
    engine, cache = get_engine(), current_app.extensions.setdefault("atkg.search", {})
    version = engine.version()
    with _LOCK:
        stale = version is None and time.monotonic() - cache.get("built", 0) > REMOTE_INDEX_SECONDS
        if stale or "index" not in cache or cache["version"] != version:
            started = time.monotonic()
            index = build_index(engine.select(THINGS_QUERY, union=True), engine.select(FIELDS_QUERY, union=True),
                                base=current_app.config["BASE_IRI"])
            cache.update(version=version, index=index, built=started, seconds=time.monotonic() - started)
        return cache["index"]


def index_build_seconds():
    """How long the current index took to build, in seconds (the tests measure it)."""
    return current_app.extensions.get("atkg.search", {}).get("seconds")
