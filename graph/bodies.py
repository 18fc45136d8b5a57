"""The curated registry of executing bodies, international partners and countries (graph/curated/*.yaml)."""

from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

import yaml

from atkg.graph import iris
from atkg.graph.inflection import inflected_forms

KINDS = (
    "government-body", "government-unit", "ngo", "international-organisation", "intergovernmental-process",
    "company", "collective-body", "academic-institution", "executing-body", "country",
)
_FILES = {"agency": "agencies.yaml", "partner": "partners.yaml", "country": "countries.yaml"}
_FIELDS = ("key", "name_az", "name_en", "abbreviation", "abbreviation_en", "kind", "parent", "predecessor",
           "wikidata", "aliases", "cities")


@dataclass(frozen=True)
class Body:
    """One executing body, partner or country, as curated."""

    key: str
    name_az: str
    name_en: str | None
    kind: str
    group: str  # "agency", "partner" or "country"
    abbreviation: str | None = None
    abbreviation_en: str | None = None
    parent: str | None = None
    predecessor: str | None = None
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()  # a country's cities, as the reports write them (events held there)

    @property
    def names_az(self):
        """The Azerbaijani name followed by its aliases."""
        return (self.name_az, *self.aliases)

    @property
    def inflected(self):
        """Every generated case form of the Azerbaijani names and abbreviation, sorted."""
        names = self.names_az + ((self.abbreviation,) if self.abbreviation else ())
        return tuple(sorted({form for name in names for form in inflected_forms(name)}))


@dataclass(frozen=True, eq=False)
class Registry:
    """All curated bodies by key; compared by identity so that matchers can be cached per registry."""

    bodies: MappingProxyType

    def __getitem__(self, key):
        """The body with this key (KeyError if none)."""
        return self.bodies[key]

    def __contains__(self, key):
        """True if a body has this key."""
        return key in self.bodies

    def __iter__(self):
        """The bodies in key order."""
        return iter(self.bodies.values())

    def __len__(self):
        """How many bodies the registry holds."""
        return len(self.bodies)

    def with_bodies(self, bodies):
        """A new registry holding these bodies besides the curated ones (a report's own NGOs); a key
        already curated keeps its curated body."""
        added = {body.key: body for body in bodies if body.key not in self.bodies}
        return Registry(MappingProxyType(dict(sorted({**self.bodies, **added}.items())))) if added else self

    def in_group(self, group):
        """The bodies of one group ("agency", "partner" or "country"), in key order."""
        return tuple(body for body in self if body.group == group)

    def __reduce__(self):
        # A mapping proxy cannot be pickled (the ready check context of atkg.check holds the registry):
        # the bodies travel as a dict, with what was cached on the registry (its body matcher's index).
        cached = {name: value for name, value in self.__dict__.items() if name != "bodies"}
        return _restored_registry, (dict(self.bodies), cached)


def _restored_registry(bodies, cached):
    registry = Registry(MappingProxyType(bodies))
    registry.__dict__.update(cached)
    return registry


def load_registry():
    """Read the three curated YAML files shipped in atkg.graph's curated/ folder and check them."""
    folder = resources.files("atkg.graph").joinpath("curated")
    bodies = [
        _body(entry, group)
        for group, filename in _FILES.items()
        for entry in yaml.safe_load(folder.joinpath(filename).read_text(encoding="utf-8"))
    ]
    by_key = {}
    for body in bodies:
        if body.key in by_key:
            raise ValueError(f'curated body key "{body.key}" is used twice')
        by_key[body.key] = body
    _check_links(by_key)
    return Registry(MappingProxyType(dict(sorted(by_key.items()))))


def body_iri(body, *, base):
    """The IRI of a body: {base}agency/{key}, {base}partner/{key} or {base}country/{iso2 in lower case}."""
    return iris.body_iri(body.group, body.key, base=base)


def _body(entry, group):
    """One YAML entry as a Body; a country's key is its ISO 3166-1 alpha-2 code in lower case."""
    entry = dict(entry)
    if group == "country":
        entry = {"key": entry.pop("iso2").lower(), "kind": "country", **entry}
    unknown = sorted(set(entry) - set(_FIELDS))
    if unknown or entry.get("kind") not in KINDS:
        raise ValueError(f'curated body "{entry.get("key")}": bad fields {unknown} or kind {entry.get("kind")}')
    entry["aliases"] = tuple(entry.get("aliases", ()))
    entry["cities"] = tuple(entry.get("cities", ()))
    return Body(group=group, name_en=entry.pop("name_en", None), **entry)


def _check_links(by_key):
    """Every parent and predecessor must name a curated body."""
    for body in by_key.values():
        for link in (body.parent, body.predecessor):
            if link is not None and link not in by_key:
                raise ValueError(f'curated body "{body.key}" links to unknown key "{link}"')
