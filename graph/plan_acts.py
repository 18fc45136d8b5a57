"""The legal acts the plan's source states: the Order approving the plan (from the metadata block) and
the Order that approved the predecessor plan (cited in chapter 1)."""

import re
from datetime import date

from rdflib import Literal
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from atkg.graph import iris
from atkg.graph.agencies import body_iri
from atkg.graph.extract import month_number
from atkg.graph.periods import add_year_span
from atkg.graph.provenance import add_quote, derive
from atkg.ontology import ATKG, ELI

PRESIDENT = "president"
_PREDECESSOR = re.compile(
    r"Prezidentinin (?P<year>\d{4})-c[üu] il (?P<day>\d{1,2}) (?P<month>[a-zə]+) tarixli (?P<number>\d+) "
    r"nömrəli Sərəncamı ilə təsdiq edilmiş “(?P<title>[^”]+?(?P<first>\d{4})[ -](?P<last>\d{4})[^”]+)”")
_DOTTED_DATE = re.compile(r"(\d{2})[.-](\d{2})[.-](\d{4})")


class PlanActsError(ValueError):
    """The plan's metadata block lacks a field the graph needs."""


def add_order(graph, plan, plan_node, *, base, registry):
    """The Presidential Order that approved the plan, with its publication and register facts."""
    fields = {label: value for label, value in plan.metadata.items()}
    number, line = _field(plan, fields, "QEYDİYYAT NÖMRƏSİ")
    adopted = _dotted_date(_field(plan, fields, "QƏBUL EDİLDİYİ TARİX")[0])
    order = iris.act_iri("presidential-order", number, adopted.isoformat(), base=base)
    graph.add((order, RDF.type, ATKG.LegalAct))
    graph.add((order, ELI.type_document, iris.concept("legal-act-type", "presidential-order")))
    graph.add((order, ELI.number, Literal(number)))
    graph.add((order, ELI.date_document, Literal(adopted, datatype=XSD.date)))
    graph.add((order, DCTERMS.title, Literal(_field(plan, fields, "ADI")[0], lang="az")))
    graph.add((order, RDFS.label, Literal(f"Prezidentin {number} nömrəli Sərəncamı", lang="az")))
    graph.add((order, RDFS.label, Literal(f"Presidential Order No. {number}", lang="en")))
    _add_publication_facts(graph, plan, fields, order)
    if PRESIDENT in registry:
        graph.add((order, ELI.passed_by, body_iri(registry[PRESIDENT], base=base)))
    graph.add((order, ATKG.approves, plan_node))
    graph.add((plan_node, ATKG.approvedBy, order))
    for label in sorted(fields):
        if not label[0].isdigit():
            derive(graph, order, _quote(graph, plan, fields[label][1].raw, fields[label][1].number, base))
    return order


def _add_publication_facts(graph, plan, fields, order):
    published, _ = _field(plan, fields, "RƏSMİ DƏRC EDİLDİYİ MƏNBƏ")
    graph.add((order, ATKG.publishedIn, Literal(published, lang="az")))
    graph.add((order, ELI.date_publication, Literal(_dotted_date(published), datatype=XSD.date)))
    in_force = _dotted_date(_field(plan, fields, "QÜVVƏYƏ MİNMƏ TARİXİ")[0])
    graph.add((order, ELI.first_date_entry_in_force, Literal(in_force, datatype=XSD.date)))
    register, _ = _field(plan, fields, "HÜQUQİ AKTLARIN DÖVLƏT REYESTRİNİN QEYDİYYAT NÖMRƏSİ")
    graph.add((order, ATKG.registerNumber, Literal(register)))


def add_predecessor(graph, plan, plan_node, *, base):
    """The plan 2014-2018 that this plan continues, and the Order that approved it (cited in chapter 1)."""
    for line in plan.lines:
        match = _PREDECESSOR.search(line.raw)
        if match:
            break
    else:
        return None
    first, last = int(match["first"]), int(match["last"])
    previous = iris.plan_iri(base=base, plan=f"nap-{first}-{last}")
    quote = _quote(graph, plan, match[0], line.number, base)
    title = re.sub(r"(\d{4}) (\d{4})", r"\1-\2", match["title"])  # the dash lost in extraction
    graph.add((previous, RDF.type, ATKG.ActionPlan))
    graph.add((previous, RDFS.label, Literal(title, lang="az")))
    graph.add((previous, ATKG.period, add_year_span(graph, first, last, base=base)))
    graph.add((plan_node, ATKG.predecessor, previous))
    adopted = date(int(match["year"]), month_number(match["month"]), int(match["day"]))
    order = iris.act_iri("presidential-order", match["number"], adopted.isoformat(), base=base)
    graph.add((order, RDF.type, ATKG.LegalAct))
    graph.add((order, ELI.type_document, iris.concept("legal-act-type", "presidential-order")))
    graph.add((order, ELI.number, Literal(match["number"])))
    graph.add((order, ELI.date_document, Literal(adopted, datatype=XSD.date)))
    graph.add((order, RDFS.label, Literal(f"Presidential Order No. {match['number']}", lang="en")))
    graph.add((order, ATKG.approves, previous))
    graph.add((previous, ATKG.approvedBy, order))
    for node in (previous, order):
        derive(graph, node, quote)
    return previous


def _field(plan, fields, label):
    if label not in fields:
        raise PlanActsError(f"{plan.stem}: the metadata block has no '{label}' line")
    value, line = fields[label]
    return value, line


def _dotted_date(text):
    match = _DOTTED_DATE.search(text)
    if not match:
        raise PlanActsError(f"no date like 22.07.2020 in {text!r}")
    return date(int(match[3]), int(match[2]), int(match[1]))


def _quote(graph, plan, text, line_number, base):
    return add_quote(graph, base=base, stem=plan.stem, text=text, line_start=line_number, line_end=line_number)
