"""A remote SPARQL 1.1 store (Oxigraph server, Fuseki, GraphDB, Virtuoso…) spoken to over the protocol."""

import io
import urllib.parse
import urllib.request

import pyoxigraph as ox

RESULTS_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"


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
        params = [("default-graph-uri", iri) for iri in default_graph or ()]
        params += [("named-graph-uri", iri) for iri in named_graphs or ()]
        body, content_type = self._post(self.query_url, _with_base(sparql, base_iri), "application/sparql-query",
                                        params)
        if content_type.startswith("application/n-triples"):
            return ox.parse(io.BytesIO(body), format=ox.RdfFormat.N_TRIPLES)
        return ox.parse_query_results(io.BytesIO(body), format=ox.QueryResultsFormat.JSON)

    def update(self, sparql, *, base_iri=None):
        """POST a SPARQL update to the update endpoint."""
        if not self.update_url:
            raise RemoteStoreError("no update URL is configured for the remote store")
        self._post(self.update_url, _with_base(sparql, base_iri), "application/sparql-update", [])

    def version(self):
        """Remote data can change behind our back, so there is no version to cache by."""
        return None

    def _post(self, url, text, content_type, params):
        if params:
            url = f"{url}?{urllib.parse.urlencode(params)}"
        request = urllib.request.Request(
            url, data=text.encode("utf-8"), method="POST",
            headers={"Content-Type": f"{content_type}; charset=utf-8", "Accept": RESULTS_ACCEPT},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace")[:500]
            raise RemoteStoreError(f"{url} answered {error.code}: {detail}") from error
        except OSError as error:
            raise RemoteStoreError(f"cannot reach {url}: {error}") from error


def _with_base(sparql, base_iri):
    """The text with its base IRI said in it: the protocol has no parameter for one (pyoxigraph takes it apart)."""
    return sparql if base_iri is None else f"BASE <{base_iri}>\n{sparql}"
