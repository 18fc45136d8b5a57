"""/id/<path>: the page of the resource whose IRI is the base IRI + path. Browsers get HTML (with
schema.org JSON-LD); RDF clients get the resource's statements as Turtle, JSON-LD, N-Triples or RDF/XML."""

from flask import Response, render_template, request
from flask_babel import gettext

from atkg.server.engine import results
from atkg.server.pages import page_blueprint
from atkg.server.pages.data import base_iri, construct, iri_ref
from atkg.server.pages.facts import incoming, labels, quotes, schema_org, statements
from atkg.server.sparql.describe import wants_html

bp = page_blueprint("resource", __name__)
# ?format= for links on the page (a browser cannot set Accept on a link).
FORMATS = {"turtle": results.GRAPH["text/turtle"], "jsonld": results.GRAPH["application/ld+json"],
           "ntriples": results.GRAPH["application/n-triples"], "rdfxml": results.GRAPH["application/rdf+xml"]}


@bp.route("/id/<path:path>", methods=["GET"])
def show(path):
    """The resource's page, or its statements in the RDF format the Accept header asks for."""
    iri = base_iri() + path
    try:
        iri_ref(iri)
    except ValueError:  # a control character, "[" or the like: no resource can be at such an address
        return _not_found(iri)
    asked = request.args.get("format")
    if asked in FORMATS:
        return _rdf(iri, FORMATS[asked])
    if asked == "html" or wants_html():
        return _page(iri)
    chosen = results.negotiate(request.headers.get("Accept"), results.GRAPH)
    if chosen is None:
        return Response("This resource is available as a web page (text/html) and as Turtle, N-Triples, "
                        "JSON-LD and RDF/XML.\n", status=406, content_type="text/plain; charset=utf-8",
                        headers={"Vary": "Accept"})
    return _rdf(iri, chosen)


def _page(iri):
    facts = statements(iri)
    pointing = incoming(iri)
    if not facts and not pointing:
        return _not_found(iri)
    shown = [iri] + [p.value for p, _ in facts] + [v.value for _, values in facts for v, _ in values if v.is_iri]
    shown += [s.value for s, _ in pointing] + [p.value for _, p in pointing]
    names = labels(shown)
    document = schema_org(iri, facts, names.get(iri, {}), page_url=request.base_url)
    return render_template("resource.html", iri=iri, facts=facts, incoming=pointing, names=names,
                           quotes=quotes(iri), json_ld=document)


def _rdf(iri, chosen):
    body = construct(f"CONSTRUCT {{ {iri_ref(iri)} ?p ?o }} WHERE {{ {iri_ref(iri)} ?p ?o }}", chosen[0])
    if not body.strip() or body.strip() in (b"[]", b"{}"):
        return Response(f"The graph holds nothing about {iri}.\n", status=404,
                        content_type="text/plain; charset=utf-8", headers={"Vary": "Accept"})
    return Response(body, content_type=chosen[1], headers={"Vary": "Accept"})


def _not_found(iri):
    page = render_template("message.html", iri=iri, message=gettext("The graph holds nothing at this address."))
    return Response(page, status=404, content_type="text/html; charset=utf-8", headers={"Vary": "Accept"})
