"""The source documents the graph is built from: graph/sources/*.txt, each recognised by its content."""

import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

_REPORT_HEADING = re.compile(r"\d+\.\d+\.\d+-?\s*[a-zçğıöşüə]*\s+yarım\s*bənd\s+üzrə", re.IGNORECASE)


class SourceError(ValueError):
    """A source file that cannot be read or recognised; the message names the file and the reason."""


@dataclass(frozen=True)
class Source:
    """One source document: its kind (plan, yearly-report or programme-report), stem and text."""

    kind: str
    stem: str
    path: Path
    text: str


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
    return Source(kind=recognise(text, name=str(path)), stem=path.stem, path=path, text=text)


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
