"""A remote SPARQL 1.1 store (Oxigraph server, Fuseki, GraphDB, Virtuoso…) spoken to over the protocol with
SPARQLWrapper; its answers are read by pyoxigraph."""

import urllib.error

import pyoxigraph as ox
from SPARQLWrapper import POST, POSTDIRECTLY, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (EndPointInternalError, EndPointNotFound, QueryBadFormed,
                                            SPARQLWrapperException, Unauthorized, URITooLong)

RESULTS_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
# SPARQLWrapper turns these statuses into exceptions of its own, which do not keep the status
STATUSES = {QueryBadFormed: 400, Unauthorized: 401, EndPointNotFound: 404, URITooLong: 414, EndPointInternalError: 500}


class RemoteStoreError(RuntimeError):
    """The remote store answered with an error or could not be reached."""


class RemoteStore:
    """Queries and updates sent to remote SPARQL 1.1 protocol endpoints."""

    def __init__(self, query_url, *, update_url=None, timeout=30.0):
        self.query_url = query_url
        self.update_url = update_url
        self.timeout = timeout

    def query(self, sparql, *, default_graph=None, named_graphs=None, union_default_graph=False, base_iri=None):
        """POST the query; parse SPARQL JSON results or N-Triples into pyoxigraph objects."""
        if union_default_graph:
            raise RemoteStoreError("a remote store decides its own default graph; union is not supported")
        client = self._client(self.query_url, _with_base(sparql, base_iri))
        for iri in default_graph or ():
            client.addDefaultGraph(iri)
        for iri in named_graphs or ():
            client.addNamedGraph(iri)
        client.addCustomHttpHeader("Accept", RESULTS_ACCEPT)  # the answer's own type says how to read it
        body, content_type = self._send(client, self.query_url)
        if content_type.startswith("application/n-triples"):
            return ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)

    def update(self, sparql, *, base_iri=None):
        """POST a SPARQL update to the update endpoint."""
        if not self.update_url:
            raise RemoteStoreError("no update URL is configured for the remote store")
        self._send(self._client(self.update_url, _with_base(sparql, base_iri), update=True), self.update_url)

    def version(self):
        """Remote data can change behind our back, so there is no version to cache by."""
        return None

    def _client(self, url, text, *, update=False):
        """A SPARQLWrapper that POSTs `text` as the body, to `url` (as an update when `update`)."""
        client = SPARQLWrapper(url, updateEndpoint=url if update else None, agent="atkg")
        client.setMethod(POST)
        client.setRequestMethod(POSTDIRECTLY)
        client.setOnlyConneg(True)
        client.setTimeout(self.timeout)
        client.setQuery(text)
        return client

    def _send(self, client, url):
        """(body, Content-Type) of the store's answer; RemoteStoreError with its status and words otherwise."""
        try:
            response = client.query().response
            with response:
                return response.read(), response.headers.get("Content-Type", "")
        except SPARQLWrapperException as error:  # its words hold the store's answer
            raise RemoteStoreError(f"{url} answered {STATUSES[type(error)]}: {str(error)[:600]}") from error
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace")[:500]
            raise RemoteStoreError(f"{url} answered {error.code}: {detail}") from error
        except OSError as error:
            raise RemoteStoreError(f"cannot reach {url}: {error}") from error


def _with_base(sparql, base_iri):
    """The text with its base IRI said in it: the protocol has no parameter for one (pyoxigraph takes it apart)."""
    return sparql if base_iri is None else f"BASE <{base_iri}>\n{sparql}"
