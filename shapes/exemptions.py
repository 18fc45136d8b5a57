"""Ontology classes without a shape of their own, and why: tests/shapes/test_shapes.py fails for any other
class that has no shape."""

from atkg.ontology import ATKG

_SUBCLASS = ("validated by atkg:ExecutingBodyShape, which targets atkg:ExecutingBody and so every "
             "instance of its subclasses; the curated registry gives this kind nothing more to require")

EXEMPT_CLASSES = {
    ATKG.GovernmentBody: _SUBCLASS,
    ATKG.NonGovernmentalOrganization: _SUBCLASS,
    ATKG.InternationalOrganization: _SUBCLASS,
    ATKG.IntergovernmentalProcess: _SUBCLASS,
    ATKG.Company: _SUBCLASS,
    ATKG.CollectiveBody: _SUBCLASS,
}
