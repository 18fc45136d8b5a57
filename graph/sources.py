"""The source documents the graph is built from: graph/sources/*.txt, each recognised by its content,
with what its text does not say (the reporting agency and year of a report without a title) in a small
metadata file beside it, NNN_hash.yaml, written by `atkg ingest` from its command line."""

import re
import secrets
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import yaml

from atkg.graph.extract.privacy import name_fingerprints, redact

_REPORT_HEADING = re.compile(r"\d+\.\d+\.\d+-?\s*[a-zçğıöşüə]*\s+yarım\s*bənd\s+üzrə", re.IGNORECASE)


class SourceError(ValueError):
    """A source file that cannot be read or recognised; the message names the file and the reason."""


@dataclass(frozen=True)
class Source:
    """One source document: its kind (plan, yearly-report or programme-report), stem and text, and the
    agency (a registry key) and year its metadata file states (None when it has none)."""

    kind: str
    stem: str
    path: Path
    text: str
    agency: str | None = None
    year: int | None = None


def sources_dir():
    """The folder the build reads its source documents from."""
    return Path(str(files("atkg.graph") / "sources"))


def read_sources(folder=None):
    """Every *.txt under `folder` (default graph/sources/), sorted by name and recognised by content."""
    folder = Path(folder) if folder else sources_dir()
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise SourceError(f"{folder}: no source documents (*.txt) found")
    return tuple(read_source(path) for path in paths)


def read_source(path):
    """Read one source file as UTF-8 and recognise its kind."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(f"{path}: not UTF-8 text (byte {error.start}): save it as UTF-8") from error
    except OSError as error:
        raise SourceError(f"{path}: cannot be read: {error.strerror}") from error
    facts = read_metadata(metadata_path(path))
    return Source(kind=recognise(text, name=str(path)), stem=path.stem, path=path, text=text, **facts)


def metadata_path(path):
    """Where the metadata of the source at `path` is kept: beside it, NNN_hash.yaml."""
    return Path(path).with_suffix(".yaml")


def read_metadata(path):
    """{"agency": key or None, "year": int or None} from a metadata file (both None when there is none)."""
    facts = _metadata(path)
    return {key: facts.get(key) for key in ("agency", "year")}


def redaction_record(path):
    """(salt, fingerprints) of the names redacted from a source, from its metadata file; None if none."""
    record = _metadata(path).get("redacted")
    return (record["salt"], tuple(record["names"])) if record else None


def metadata_text(*, agency=None, year=None, redacted=None):
    """The text of a source's metadata file (only the facts given: None is left out)."""
    facts = {key: value for key, value in (("agency", agency), ("year", year), ("redacted", redacted))
             if value is not None}
    return _METADATA_HEADER + yaml.safe_dump(facts, allow_unicode=True, sort_keys=False)


def entering(text):
    """(text, redaction record or None) of a report entering the sources: private persons' names replaced
    by neutral references, and the removed names kept only as salted fingerprints, so that a scan can
    prove they appear nowhere without the names being stored (graph/extract/privacy.py)."""
    redaction = redact(text)
    if not redaction.removed_words:
        return redaction.text, None
    salt = secrets.token_hex(8)
    return redaction.text, {"salt": salt, "names": list(name_fingerprints(redaction.removed_words, salt=salt))}


def _metadata(path):
    """The checked content of a metadata file ({} when there is none)."""
    path = Path(path)
    if not path.exists():
        return {}
    try:
        facts = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise SourceError(f"{path}: cannot be read as YAML: {error}") from error
    unknown = sorted(set(facts) - set(_METADATA_KEYS)) if isinstance(facts, dict) else ["(not a mapping)"]
    if unknown:
        raise SourceError(f"{path}: unknown metadata {', '.join(map(str, unknown))}: only agency, year and "
                          "redacted are read")
    for key, kind in _METADATA_KEYS.items():
        value = facts.get(key)
        if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
            raise SourceError(f"{path}: {key} must be {_METADATA_KINDS[key]}, not {value!r}")
    return facts


_METADATA_KEYS = {"agency": str, "year": int, "redacted": dict}
_METADATA_KINDS = {"agency": "a body's key (dmx)", "year": "a year (2022)", "redacted": "a salt and fingerprints"}
_METADATA_HEADER = ("# What the report's text does not say, as `atkg ingest` was told it (--agency, --year), and\n"
                    "# salted fingerprints of the private names redacted from it (never the names).\n")


def recognise(text, *, name):
    """plan (the Order's metadata block and a measures table), programme-report (tab rows marked
    "Tam icra olunub"), or yearly-report (per-measure "yarımbənd üzrə" headings)."""
    if "AKTIN NÖVÜ" in text and "TƏDBİRLƏR PLANI" in text:
        return "plan"
    if "Tam icra olunub" in text and "\t" in text:
        return "programme-report"
    if _REPORT_HEADING.search(text.replace("**", "")):
        return "yearly-report"
    raise SourceError(f"{name}: not recognised as the plan or a report (no measures table, no "
                      "'yarımbənd üzrə' headings, no programme rows)")
