"""A saved query read from its .rq file: the grlc-style `#+` YAML header, the BASIL parameters, the text.

Parameters are named in the query the BASIL way, as grlc reads them: `?_agency_iri` is a required IRI
called "agency", `?__year_integer` an optional integer called "year". The header declares each one
(type, whether required, what it means in English and in Azerbaijani, and for IRIs the class its value
must have in the graph), so the declaration and the query can be checked against each other.
"""

import dataclasses
import re
from pathlib import Path

from atkg.queries.headers import QueryFileError, columns_in_azerbaijani, read_header, split_header

PARAMETER_TYPES = ("iri", "integer", "string", "date")
# The questions the gallery groups the saved queries by (the header's `question` key), in its order.
QUESTIONS = ("plan", "reports", "events-and-partners", "legal-acts", "figures", "quality")
# BASIL's form: one underscore for a required parameter, two for an optional one, then name_type.
PARAMETER_VARIABLE = re.compile(r"\?(__?)([a-z][a-z0-9]*)_(iri|integer|string|date)\b")
PREFIX_LINE = re.compile(r"^\s*PREFIX\s+([A-Za-z][\w-]*)?:\s*<([^>]*)>", re.IGNORECASE | re.MULTILINE)
__all__ = ["QUESTIONS", "Parameter", "QueryFileError", "QueryTexts", "SavedQuery", "expand", "prefixes",
           "query_variables",
           "read_query", "split_header"]


@dataclasses.dataclass(frozen=True)
class Parameter:
    """One parameter of a saved query, as its header declares it."""

    name: str
    type: str
    required: bool
    description: str
    example: str | None = None
    value_classes: tuple[str, ...] = ()  # full IRIs of the classes an IRI value may have (one is enough)
    description_az: str = ""

    def description_in(self, language):
        """What the parameter means, in Azerbaijani for "az" (when the header has it), else in English."""
        return (language == "az" and self.description_az) or self.description

    @property
    def variable(self):
        """The query variable's name (without "?") that the value is bound to."""
        return f"{'_' if self.required else '__'}{self.name}_{self.type}"


@dataclasses.dataclass(frozen=True)
class SavedQuery:
    """A saved query: what it answers, its parameters and columns, an example, the terms it uses, its text."""

    name: str
    summary: str
    description: str
    tags: tuple[str, ...]
    parameters: tuple[Parameter, ...]
    columns: dict
    example: dict
    terms: tuple[str, ...]
    text: str
    summary_az: str = ""
    description_az: str = ""
    columns_az: dict = dataclasses.field(default_factory=dict)
    question: str = ""  # one of QUESTIONS: which of the analysts' questions the query answers

    def parameter(self, name):
        """The parameter called `name`, or None."""
        return next((p for p in self.parameters if p.name == name), None)

    def texts_in(self, language):
        """The query's summary, description, parameter descriptions and column meanings for a reader of
        `language` ("az" or "en"): the Azerbaijani ones for "az", the English ones otherwise, and English
        wherever the header lacks the Azerbaijani text."""
        azerbaijani = language == "az"
        return QueryTexts(
            summary=(azerbaijani and self.summary_az) or self.summary,
            description=(azerbaijani and self.description_az) or self.description,
            parameters={p.name: p.description_in(language) for p in self.parameters},
            columns={name: (azerbaijani and self.columns_az.get(name)) or str(meaning)
                     for name, meaning in self.columns.items()},
        )


@dataclasses.dataclass(frozen=True)
class QueryTexts:
    """What a saved query says about itself, in one language."""

    summary: str
    description: str
    parameters: dict  # {parameter name: description}
    columns: dict  # {column name: meaning}


def query_variables(text):
    """The parameters the query text uses, as {name: (type, required)}."""
    found = {}
    for underscores, name, kind in PARAMETER_VARIABLE.findall(text):
        found[name] = (kind, underscores == "_")
    return found


def prefixes(text):
    """The query's PREFIX declarations as {prefix: namespace IRI}."""
    return {prefix or "": namespace for prefix, namespace in PREFIX_LINE.findall(text)}


def expand(curie, namespaces):
    """The full IRI of a compact IRI such as "atkg:Measure", using the query's own prefixes."""
    prefix, _, local = curie.partition(":")
    if prefix not in namespaces:
        raise QueryFileError(f"unknown prefix {prefix!r} in {curie!r}")
    return namespaces[prefix] + local


def read_query(path):
    """The SavedQuery in the .rq file at `path`; raises QueryFileError when the header is unusable."""
    path = Path(path)
    header, text = read_header(path)
    example = {key: str(value) for key, value in (header.get("example") or {}).items()}
    return SavedQuery(
        name=path.stem, summary=header.get("summary", ""), description=header.get("description", ""),
        tags=tuple(header.get("tags") or ()),
        parameters=_parameters(header.get("parameters") or {}, example, prefixes(text), path.name),
        columns=dict(header.get("columns") or {}), example=example,
        terms=tuple(header.get("terms") or ()), text=text,
        summary_az=header.get("summary_az", ""), description_az=header.get("description_az", ""),
        columns_az=columns_in_azerbaijani(header, path.name), question=_question(header, path.name),
    )


def _question(header, file_name):
    """The header's `question` key, one of QUESTIONS ("" when the header has none)."""
    question = str(header.get("question") or "")
    if question and question not in QUESTIONS:
        raise QueryFileError(f"{file_name}: question must be one of {', '.join(QUESTIONS)}; got {question!r}")
    return question


def _parameters(declared, example, namespaces, file_name):
    """Parameter objects from the header's `parameters` mapping, sorted by name."""
    result = []
    for name, spec in sorted(declared.items()):
        if spec.get("type") not in PARAMETER_TYPES:
            raise QueryFileError(f"{file_name}: parameter {name!r} has type {spec.get('type')!r}, "
                                 f"not one of {', '.join(PARAMETER_TYPES)}")
        classes = spec.get("class") or ()
        classes = (classes,) if isinstance(classes, str) else classes
        result.append(Parameter(name=name, type=spec["type"], required=bool(spec.get("required")),
                                description=spec.get("description", ""), example=example.get(name),
                                value_classes=tuple(expand(curie, namespaces) for curie in classes),
                                description_az=spec.get("description_az", "")))
    return tuple(result)
