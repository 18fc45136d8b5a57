"""What this server refuses to hand to its query engine: texts that would make it contact another address
(SERVICE, LOAD, FROM), and texts nested deeper, or with longer chains of operators, than its parsers and
its engine can read.

Oxigraph follows SERVICE and LOAD by itself and has no switch to stop it. So, with no address allowed
(ATKG_FEDERATION_ALLOWLIST empty, the default), the query workers have no outbound client at all: the
kernel refuses them any new socket (`seal`), and no text, however written, gets a request out. Where
some addresses are allowed, or the data is in a remote store, the decision is taken on rdflib's SPARQL
parser's syntax tree of the text (prefixed names and relative IRIs resolved as a parser resolves them),
in the query worker so that the query's time limit bounds the parse too; a text rdflib cannot read, when
it might hold one of those words, is refused: it must never become a way through.
"""

import errno
import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

MAX_DEPTH = 100
# Oxigraph builds a chain of operators (1+1+..., ?a || ?a || ..., UNION after UNION, FILTER after FILTER)
# into a tree as deep as the chain is long, and overflows a worker's stack between 6,500 (UNION) and 9,300
# (||, FILTER, !) of them, taking the worker with it; measured up to 2,500 of each, no chain does.
MAX_OPERATORS = 1000
# Counted on the text less its strings, IRIs and comments, as the nesting is: a linear scan that cannot
# itself overflow, where a parse could. A '.' in a number or a '-' in a prefixed name counts too: the
# count can only be higher than the operators are, never lower.
OPERATOR = re.compile(r"\|\||&&|!=|<=|>=|[-+*/|!^=<>.;,]|\b(?:union|minus|optional|filter|bind)\b", re.IGNORECASE)
# Skipping parsing is sound because a parser reads a keyword as its ASCII letters in any case, or (one that
# follows SPARQL 1.1, 19.2, as rdflib does) written with \u / \U escapes; Python's case-insensitive match
# is wider than ASCII's.
MIGHT_REACH = re.compile(r"service|load|from|\\u", re.IGNORECASE)
# For FROM alone, where nothing can leave anyway (a sealed worker): Oxigraph 0.5 expands \u escapes in IRIs
# and strings only, never in a keyword (FR\u004FM is a syntax error to it).
MIGHT_NAME_GRAPHS = re.compile(r"from", re.IGNORECASE)
# What is not a bracket of the grammar: strings, IRIs and comments (their brackets do not nest).
NOT_NESTING = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n\r]*', re.S)
BRACKET = re.compile(r"[{(\[\])}]")
SEALED_MESSAGE = ("This service does not contact other addresses on behalf of a query: its query engine has "
                  "no network access, so SERVICE and LOAD reach nothing. Addresses it may contact: none are "
                  "allowed on this server.")
_state = {"sealed": False}


class Refused(ValueError):
    """The text is not handed to the engine; the message says why, in a sentence."""


@dataclass
class Reach:
    """What a query or update asks for beyond the stored data, read from its syntax tree."""

    services: list = field(default_factory=list)
    from_graphs: list = field(default_factory=list)
    loads: list = field(default_factory=list)
    has_dataset_clause: bool = False
    unread: bool = False  # a sealed worker's text rdflib could not read: it may name graphs of its own


def seal():
    """Take this process's outbound client away for good: from now on the kernel refuses it (and the
    processes it forks) any new socket (seccomp, through pyseccomp), so Oxigraph's SERVICE and LOAD fail
    with PermissionError, and not even a name lookup (which a local resolver would make for it) gets out.
    A worker needs none: it talks to the web process over a socket it already holds. False, and nothing
    changes, where the kernel or libseccomp cannot do it; the caller then relies on the parsed-query guard."""
    try:
        import pyseccomp

        rules = pyseccomp.SyscallFilter(defaction=pyseccomp.ALLOW)
        rules.add_rule(pyseccomp.ERRNO(errno.EACCES), "socket")
        rules.load()
    except (ImportError, OSError, RuntimeError, ValueError):
        return False
    _state["sealed"] = True
    return True


def is_sealed():
    """True in a process `seal` has taken the outbound client from."""
    return _state["sealed"]


def check_bounds(text):
    """Refuse a text whose brackets nest deeper than MAX_DEPTH (Oxigraph's parser overflows its stack a few
    thousand levels down and takes the worker with it; neither parser has a depth option), or that holds more
    than MAX_OPERATORS operators and separators (see OPERATOR)."""
    bare = NOT_NESTING.sub(" ", text)
    _check_nesting(bare)
    operators = sum(1 for _ in OPERATOR.finditer(bare))
    if operators > MAX_OPERATORS:
        raise Refused(f"The query holds {operators} operators and separators (such as +, ||, /, |, UNION, "
                      f"FILTER, '.' or ','); this service reads at most {MAX_OPERATORS} in one query. Split "
                      "it into smaller queries, or list many values with VALUES.")


def _check_nesting(bare):
    depth = deepest = 0
    for match in BRACKET.finditer(bare):
        depth += 1 if match.group() in "{([" else -1
        deepest = max(deepest, depth)
    if deepest > MAX_DEPTH:
        raise Refused(f"The query nests its brackets {deepest} levels deep; this service reads at most "
                      f"{MAX_DEPTH} levels. Write it with fewer nested groups or parentheses.")


def warm():
    """Import rdflib's SPARQL parser now. Imported on first use instead, it would add about half a second
    to every worker's start (a worker replaced at the time limit included); a worker warms it after it says
    it is ready, the template before it forks."""
    from rdflib.plugins.sparql import algebra, parser, parserutils, sparql

    return parser, algebra, parserutils, sparql


def read_reach(text, *, base, update=False):
    """The Reach of a query (or, with `update`, an update); relative IRIs resolve against `base`.

    A query that holds none of the words SERVICE, LOAD or FROM in any case and no \\u escape cannot reach
    anything, and is not parsed. Refused when rdflib cannot read the text.
    """
    if not update and not MIGHT_REACH.search(text):
        return Reach()
    return _parsed_reach(text, base, update)


@lru_cache(maxsize=256)
def _parsed_reach(text, base, update):
    """Reach from rdflib's syntax tree, cached by text: an app asks the same few questions again and again."""
    parser, _, _, _ = warm()
    try:
        return _reach_of_tree(parser.parseUpdate(text) if update else parser.parseQuery(text), base, update)
    except RecursionError as error:
        raise Refused("The query is nested too deeply for this service to read it.") from error
    except Exception as error:  # anything rdflib cannot read is refused, whatever the engine would do with it
        raise Refused(f"This service reads every query that names SERVICE, LOAD or FROM before running it, "
                      f"and cannot read this one: {_first_line(error)}") from error


def _reach_of_tree(tree, base, update):
    """Walk the parse tree of each operation, its names resolved by its own prologue."""
    _, algebra, parserutils, sparql = warm()
    reach, prologue = Reach(), sparql.Prologue()
    prologue.base = base
    pairs = zip(tree.prologue, tree.request) if update else [(tree[0], tree[1])]
    for declarations, operation in pairs:
        _declare(prologue, declarations)
        resolved = algebra.traverse(operation, visitPost=lambda node: algebra.translatePName(node, prologue))
        for node in _nodes(resolved, parserutils.CompValue):
            _note(reach, node)
    return reach


def _declare(prologue, declarations):
    """BASE and PREFIX, each IRI resolved against the base in force (rdflib's own step takes BASE as is)."""
    for declaration in declarations:
        if declaration.name == "Base":
            prologue.base = prologue.absolutize(declaration.iri)
        elif declaration.name == "PrefixDecl":
            prologue.bind(declaration.prefix, prologue.absolutize(declaration.iri))


def _nodes(tree, node_type):
    """Every node (a CompValue) in the tree, depth first, without recursion."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, node_type):
            yield node
            stack.extend(reversed(node.values()))
        elif isinstance(node, (list, tuple)):
            stack.extend(reversed(node))


def _note(reach, node):
    """Record what one node of the tree asks for."""
    if node.name == "ServiceGraphPattern":
        reach.services.append(_iri(node.term))
    elif node.name == "Load":
        reach.loads.append(_iri(node.iri))
    elif node.name == "DatasetClause":
        reach.from_graphs.append(_iri(node.default if node.default is not None else node.named))
    elif node.name in ("UsingClause", "Modify") and (node.name == "UsingClause" or node.withClause is not None):
        reach.has_dataset_clause = True


def _iri(term):
    """The IRI a keyword points at, or None for a variable (or anything that is not an IRI)."""
    from rdflib import URIRef

    return str(term) if isinstance(term, URIRef) else None


def _first_line(error):
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def allowed(iri, allowlist):
    """True when `iri` is an http(s) address under one of the allow-listed addresses (same host and port)."""
    if not iri or "\\" in iri or any(ch.isspace() for ch in iri):
        return False
    try:
        target = urlsplit(iri)
        entries = [urlsplit(entry) for entry in allowlist]
        return any(target.scheme in ("http", "https") and target.scheme == permitted.scheme
                   and target.hostname == permitted.hostname and target.port == permitted.port
                   and target.path.startswith(permitted.path) for permitted in entries)
    except ValueError:  # a malformed authority ("http://[::1/") or port is no address of the list
        return False


def check_outbound(reach, *, allowlist, holds_graph=None):
    """Raise Refused, with a plain message, when the text would make this server contact another address.

    `holds_graph(iri)` tells whether a FROM graph is held here; None skips that check (a request whose
    protocol parameters name the dataset instead, or a store that cannot say).
    """
    for label, targets in (("SERVICE", reach.services), ("LOAD", reach.loads)):
        for target in targets:
            if not allowed(target, allowlist):
                raise Refused(_refusal(label, target, allowlist))
    if holds_graph is not None:
        for target in reach.from_graphs:
            if target is None or not holds_graph(target):
                raise Refused(
                    f"FROM <{target}> names a graph this service does not hold, and it never downloads "
                    "graphs from the web. Its graphs are listed in the service description "
                    "(/.well-known/void).")


def _refusal(label, target, allowlist):
    where = f"<{target}>" if target else "an address given by a variable or an unknown prefix"
    allowed_text = ", ".join(allowlist) if allowlist else "none are allowed on this server"
    return (f"This service does not contact other addresses on behalf of a query: {label} {where} was "
            f"refused. Addresses it may contact: {allowed_text}.")
