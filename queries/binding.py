"""Binding a caller's values to a saved query's parameters, safely.

A caller's text never enters the query: each value is checked against its declared type and turned into
an RDF term (an IRI checked to be http(s) and, for a parameter of a known class, to exist in the graph;
an xsd:integer; an xsd:date; a plain string), which pyoxigraph writes into the text in place of the
parameter's variable (atkg.queries.inline). grlc splices the caller's text into the query instead, which
is an injection hole.
"""

import dataclasses
import datetime
import re

import pyoxigraph as ox

from atkg.queries.execution import select
from atkg.queries.inline import inline_terms
from atkg.queries.model import SavedQuery

IRI_PATTERN = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
INTEGER_PATTERN = re.compile(r"^-?[0-9]{1,9}$")
DATE_PATTERN = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# A search term needs letters, digits and a little punctuation; quotes, braces, angle brackets,
# semicolons and hashes are what SPARQL injection is made of, so they are refused outright.
STRING_PATTERN = re.compile(r"^[\w\s.,'’“”()/-]{1,200}$")
XSD = "http://www.w3.org/2001/XMLSchema#"


class ParameterError(ValueError):
    """A value the caller gave for a saved query's parameter is missing, unknown or malformed."""


@dataclasses.dataclass(frozen=True)
class BoundQuery:
    """A saved query with its values bound in its text: small enough to send to a worker process, and plain
    SPARQL for any store.

    `checks` are the (parameter, IRI) pairs still to be found in the graph.
    """

    name: str
    text: str
    checks: tuple


def bind(query: SavedQuery, values, *, store=None):
    """Check `values` ({parameter name: string}) and return the terms they bind, {Variable: term}.

    Optional parameters left out (or given as "") stay unbound. With a store, an IRI parameter that
    declares classes must name a resource of one of them in the graph.
    """
    terms, checks = _terms(query, values)
    if store is not None:
        check_resources(BoundQuery(query.name, query.text, checks), store)
    return {ox.Variable(name): term for name, term in terms.items()}


def prepare(query: SavedQuery, values):
    """The BoundQuery of `query` with `values`, each checked by type only (no store needed)."""
    terms, checks = _terms(query, values)
    return BoundQuery(query.name, inline_terms(query.text, terms), checks)


def _terms(query, values):
    """({variable name: term} of the values given, (parameter, IRI) pairs to check against the graph)."""
    _refuse_unknown(query, values)
    terms, checks = {}, []
    for parameter in query.parameters:
        value = values.get(parameter.name)
        if value is None or value == "":
            if parameter.required:
                raise ParameterError(f"{query.name} needs a value for {parameter.name!r}: {parameter.description}")
            continue
        term = terms[parameter.variable] = _term(parameter, value)
        if parameter.value_classes:
            checks.append((parameter, term))
    return terms, tuple(checks)


def check_resources(bound, store, *, known=None):
    """Refuse an IRI value that names nothing of its parameter's classes in the graph.

    `known`, a set the caller empties whenever the data changes, remembers the values found already.
    """
    for parameter, term in bound.checks:
        key = (term.value, parameter.value_classes)
        if known is None or key not in known:
            _check_exists(parameter, term, store)
            if known is not None:
                known.add(key)


def _refuse_unknown(query, values):
    """ParameterError for a value the query has no parameter for."""
    unknown = sorted(set(values) - {p.name for p in query.parameters})
    if unknown:
        expected = ", ".join(p.name for p in query.parameters) or "no parameters"
        raise ParameterError(f"{query.name} has no parameter {unknown[0]!r}; it takes: {expected}")


def _term(parameter, value):
    """The RDF term for one value, or ParameterError saying what the parameter accepts."""
    if not isinstance(value, str):
        raise ParameterError(f"{parameter.name!r} must be given as text, not {type(value).__name__}")
    checker = {"iri": _iri, "integer": _integer, "date": _date, "string": _string}[parameter.type]
    return checker(parameter, value.strip())


def _iri(parameter, value):
    """An http(s) IRI as a NamedNode."""
    if not IRI_PATTERN.match(value):
        example = parameter.example or "https://w3id.org/atkg/agency/dmx"
        raise ParameterError(f"{parameter.name!r} must be an http(s) IRI without spaces, quotes or brackets, "
                             f"e.g. {example}; got {value!r}")
    try:
        return ox.NamedNode(value)
    except ValueError as error:
        raise ParameterError(f"{parameter.name!r} is not a valid IRI: {value!r} ({error})") from error


def _integer(parameter, value):
    """A whole number as an xsd:integer literal."""
    if not INTEGER_PATTERN.match(value):
        raise ParameterError(f"{parameter.name!r} must be a whole number such as {parameter.example or 2021}; "
                             f"got {value!r}")
    return ox.Literal(str(int(value)), datatype=ox.NamedNode(XSD + "integer"))


def _date(parameter, value):
    """A calendar date (YYYY-MM-DD) as an xsd:date literal."""
    try:
        if not DATE_PATTERN.match(value):
            raise ValueError(value)
        datetime.date.fromisoformat(value)
    except ValueError:
        raise ParameterError(f"{parameter.name!r} must be a date written YYYY-MM-DD such as "
                             f"{parameter.example or '2021-03-17'}; got {value!r}") from None
    return ox.Literal(value, datatype=ox.NamedNode(XSD + "date"))


def _string(parameter, value):
    """Plain text (letters, digits, spaces and - . , ' ( ) /) as a plain literal."""
    if not STRING_PATTERN.match(value):
        raise ParameterError(f"{parameter.name!r} accepts 1 to 200 letters, digits, spaces and - . , ' ( ) / "
                             f"only; got {value!r}")
    return ox.Literal(value)


def _check_exists(parameter, term, store):
    """Refuse an IRI that names nothing of the parameter's classes in the graph."""
    for value_class in parameter.value_classes:
        if _is_a(store, term, ox.NamedNode(value_class)):
            return
    expected = " or ".join(_local_name(value_class) for value_class in parameter.value_classes)
    raise ParameterError(f"{parameter.name!r}: the graph has no {expected} {term.value}")


def _local_name(iri):
    """The last part of an IRI, e.g. ExecutingBody for the atkg class: enough to name a class in a message."""
    return re.split(r"[#/]", iri)[-1]


def _is_a(store, resource, value_class):
    """True when the graph says `resource` has type `value_class`."""
    return bool(select(store, inline_terms("ASK { ?resource a ?class }", {"resource": resource,
                                                                          "class": value_class})))
