"""Comparing saved queries' answers where SPARQL leaves a choice to the store and its plan."""

import re

GROUP_CONCAT = re.compile(r'GROUP_CONCAT\((?:[^()]|\([^()]*\))*separator\s*=\s*"([^"]*)"\)\s*AS\s*\?(\w+)')
SAMPLE = re.compile(r"SAMPLE\([^()]*\)\s*AS\s*\?(\w+)")


def answer_rows(solutions, query):
    """The rows over the query's declared columns, sorted, each cell a term's text (None when unbound).

    A GROUP_CONCAT column's parts are sorted, as their order is the store's; of a SAMPLE column only
    whether it is bound counts, as the value is any of the group's.
    """
    concatenated = {column: separator for separator, column in GROUP_CONCAT.findall(query.text)}
    sampled = set(SAMPLE.findall(query.text))
    return sorted((tuple(_cell(row[column], concatenated.get(column), column in sampled) for column in query.columns)
                   for row in solutions), key=repr)


def _cell(term, separator, sampled):
    if term is None:
        return None
    if sampled:
        return "a sample"
    if separator is None:
        return str(term)
    return str(term.datatype), term.language, sorted(term.value.split(separator))
