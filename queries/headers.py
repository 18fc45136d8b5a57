"""The `#+` YAML header of a saved query file, as grlc reads it, plus the project's Azerbaijani keys.

grlc reads summary, description, tags, endpoint_in_url, parameters (with their description), example
and ignores other keys, so the Azerbaijani texts sit beside the English ones under keys of their own:
summary_az, description_az, each parameter's description_az, and columns_az (a column name to its
meaning, like columns).
"""

import re

import yaml

HEADER_LINE = re.compile(r"^#\+ ?(.*)$")


class QueryFileError(ValueError):
    """A saved query file whose header is missing, malformed or disagrees with its query."""


def split_header(source):
    """(header YAML text, query text): the leading `#+` lines, and everything after them."""
    lines = source.splitlines()
    count = next((i for i, line in enumerate(lines) if not HEADER_LINE.match(line)), len(lines))
    header = "\n".join(HEADER_LINE.match(line).group(1) for line in lines[:count])
    return header, "\n".join(lines[count:]).strip() + "\n"


def read_header(path):
    """(header as a dict, query text) of the .rq file at `path` (a pathlib.Path)."""
    header_text, text = split_header(path.read_text(encoding="utf-8"))
    try:
        header = yaml.safe_load(header_text) or {}
    except yaml.YAMLError as error:
        raise QueryFileError(f"{path.name}: the #+ header is not valid YAML: {error}") from error
    if not isinstance(header, dict):
        raise QueryFileError(f"{path.name}: the #+ header must be a YAML mapping")
    return header, text


def columns_in_azerbaijani(header, file_name):
    """The header's columns_az as {column: meaning}; a column that `columns` does not list is refused."""
    meanings = {name: str(text) for name, text in (header.get("columns_az") or {}).items()}
    unknown = sorted(set(meanings) - set(header.get("columns") or {}))
    if unknown:
        raise QueryFileError(f"{file_name}: columns_az names columns that columns does not list: "
                             f"{', '.join(unknown)}")
    return meanings
