"""A remote SPARQL 1.1 store (Oxigraph server, Fuseki, GraphDB, Virtuoso…) spoken to over the protocol with
SPARQLWrapper; its answers are read by pyoxigraph.

Written for what every such store runs: queries and updates POSTed as URL-encoded forms (Virtuoso 7.2
hangs on a direct POST), one result format asked for by the query's form (Virtuoso answers the first type
of an Accept list whatever the form), and user and password for stores that guard their updates.
"""

import re
import socket
import urllib.error

import pyoxigraph as ox
from SPARQLWrapper import DIGEST, POST, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (EndPointInternalError, EndPointNotFound, QueryBadFormed,
                                            SPARQLWrapperException, Unauthorized, URITooLong)

# The result format asked for, by query form: ones every store writes and pyoxigraph reads. XML rather than
# JSON: Virtuoso 7.2 took 9.4 s to write the build's 15,547 quads as SPARQL JSON, 1.2 s as XML.
ACCEPT = {"SELECT": "application/sparql-results+xml", "ASK": "application/sparql-results+xml",
          "CONSTRUCT": "application/n-triples", "DESCRIBE": "application/n-triples"}
RESULT_FORMATS = {"application/sparql-results+xml": ox.QueryResultsFormat.XML,
                  "application/sparql-results+json": ox.QueryResultsFormat.JSON,
                  "text/tab-separated-values": ox.QueryResultsFormat.TSV}
# SPARQLWrapper turns these statuses into exceptions of its own, which do not keep the status
STATUSES = {QueryBadFormed: 400, Unauthorized: 401, EndPointNotFound: 404, URITooLong: 414, EndPointInternalError: 500}
# The prologue (BASE, PREFIX, comments) before a query's form: a regular expression, because rdflib's parser
# takes 240 ms to parse a saved query and the form is the only thing wanted from it.
PROLOGUE = re.compile(r"(?:\s+|#[^\n\r]*|BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)*", re.IGNORECASE)
FORM = re.compile(r"SELECT|ASK|CONSTRUCT|DESCRIBE", re.IGNORECASE)
# Virtuoso 7.2 answers ASK as a SELECT of this one variable, 1 or 0.
VIRTUOSO_ASK = "__ASK_RETVAL"


class RemoteStoreError(RuntimeError):
    """The remote store answered with an error or could not be reached: `status` is the store's HTTP status,
    or None when it never answered; `timed_out` when it did not answer within the time limit."""

    def __init__(self, message, *, status=None, timed_out=False):
        super().__init__(message)
        self.status, self.timed_out = status, timed_out


class RemoteStore:
    """Queries and updates sent to remote SPARQL 1.1 protocol endpoints."""

    def __init__(self, query_url, *, update_url=None, timeout=30.0, user=None, password=None):
        self.query_url = query_url
        self.update_url = update_url
        self.timeout = timeout
        self.credentials = (user, password) if user else None

    def query(self, sparql, *, default_graph=None, named_graphs=None, union_default_graph=False, base_iri=None):
        """POST the query; parse the results (SPARQL XML, JSON or TSV) or the triples (N-Triples) the store
        answers into pyoxigraph objects."""
        if union_default_graph:
            raise RemoteStoreError("a remote store decides its own default graph; union is not supported")
        form = query_form(sparql)
        client = self._client(self.query_url, _with_base(sparql, base_iri))
        for iri in default_graph or ():
            client.addDefaultGraph(iri)
        for iri in named_graphs or ():
            client.addNamedGraph(iri)
        client.addCustomHttpHeader("Accept", ACCEPT.get(form, ACCEPT["SELECT"]))
        body, content_type = self._send(client, self.query_url)
        media_type = content_type.split(";")[0].strip().lower()
        if media_type == "application/n-triples":
            return ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
        if media_type not in RESULT_FORMATS:
            raise RemoteStoreError(f"{self.query_url} answered {content_type or 'no Content-Type'}, not SPARQL "
                                   "results or N-Triples", status=200)
        results = ox.parse_query_results(body, format=RESULT_FORMATS[media_type])
        return _virtuoso_boolean(results) if form == "ASK" else results

    def update(self, sparql, *, base_iri=None):
        """POST a SPARQL update to the update endpoint."""
        if not self.update_url:
            raise RemoteStoreError("no update URL is configured for the remote store")
        self._send(self._client(self.update_url, _with_base(sparql, base_iri), update=True), self.update_url)

    def has_graph(self, graph_iri):
        """True when the store holds a named graph `graph_iri` with a triple in it (an ASK: listing every graph
        with SELECT DISTINCT ?g took Virtuoso 26 s)."""
        return bool(self.query(f"ASK {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}"))

    def flush(self):
        """Nothing to do: the store has written an update before it answers."""

    def version(self):
        """Remote data can change behind our back, so there is no version to cache by."""
        return None

    def _client(self, url, text, *, update=False):
        """A SPARQLWrapper that POSTs `text` as a form to `url` (as an update when `update`)."""
        client = SPARQLWrapper(url, updateEndpoint=url if update else None, agent="atkg")
        client.setMethod(POST)
        client.setRequestMethod(URLENCODED)
        client.setOnlyConneg(True)
        client.setTimeout(self.timeout)
        if self.credentials:  # Virtuoso asks digest. SPARQLWrapper installs the digest handler process-wide
            client.setHTTPAuth(DIGEST)  # (urllib's install_opener): keep one store with credentials per process
            client.setCredentials(*self.credentials)
        client.setQuery(text)
        return client

    def _send(self, client, url):
        """(body, Content-Type) of the store's answer; RemoteStoreError with its status and words otherwise."""
        try:
            response = client.query().response
            with response:
                return response.read(), response.headers.get("Content-Type", "")
        except SPARQLWrapperException as error:  # its words hold the store's answer
            status = STATUSES[type(error)]
            raise RemoteStoreError(f"{url} answered {status}: {str(error)[:600]}", status=status) from error
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace")[:500]
            raise RemoteStoreError(f"{url} answered {error.code}: {detail}", status=error.code) from error
        except (TimeoutError, socket.timeout) as error:
            raise RemoteStoreError(f"{url} did not answer within {self.timeout:g} s", timed_out=True) from error
        except OSError as error:
            timed_out = isinstance(getattr(error, "reason", None), (TimeoutError, socket.timeout))
            raise RemoteStoreError(f"cannot reach {url}: {error}", timed_out=timed_out) from error


def query_form(sparql):
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the word after the query's prologue, upper case ("" if none)."""
    found = FORM.match(sparql, PROLOGUE.match(sparql).end())
    return found.group().upper() if found else ""


def _virtuoso_boolean(results):
    """An ASK's answer as a QueryBoolean, also when the store wrote it as Virtuoso 7.2 does."""
    if isinstance(results, ox.QueryBoolean):
        return results
    retval = [variable.value for variable in results.variables] == [VIRTUOSO_ASK]
    rows = list(results)
    answer = bool(rows) and not (retval and rows[0][VIRTUOSO_ASK].value in ("0", "false"))
    return ox.parse_query_results(b'{"head":{},"boolean":%s}' % (b"true" if answer else b"false"),
                                  format=ox.QueryResultsFormat.JSON)


def _with_base(sparql, base_iri):
    """The text with its base IRI said in it: the protocol has no parameter for one (pyoxigraph takes it apart)."""
    return sparql if base_iri is None else f"BASE <{base_iri}>\n{sparql}"
