"""The dashboard's table of repeated text: for each body that sent yearly reports, each measure by report year,
the share of the entry's words that repeat the body's entry on the measure for the year before (worked out
by the build, graph/text_reuse.py)."""

from collections import defaultdict
from dataclasses import dataclass

from flask_babel import format_percent

from atkg.graph.plan import code_key
from atkg.server.pages.data import PREFIXES, select

# The shares, with what places them in the table; owl:sameAs copies a body's reports to its Wikidata twin.
SHARES = PREFIXES + """SELECT DISTINCT ?agency ?measure ?code ?year ?entry ?share WHERE {
  ?entry atkg:repeatedShare ?share ; atkg:aboutMeasure ?measure ; atkg:inReport ?report .
  ?report atkg:reportingAgency ?agency ; atkg:reportYear ?year .
  ?measure skos:notation ?code .
  FILTER(!STRSTARTS(STR(?agency), "http://www.wikidata.org/"))
}"""


@dataclass(frozen=True)
class Share:
    """One entry's repeated share: the entry, the share (0 to 1) and the share as the page's language writes it."""

    entry: str
    share: float
    shown: str


def repetition():
    """{agency IRI: (years, [(measure IRI, code, {year: Share})])}, measures in the plan's order."""
    cells = defaultdict(lambda: defaultdict(dict))
    codes, years = {}, defaultdict(set)
    for row in select(SHARES):
        agency, measure, year = row["agency"].value, row["measure"].value, int(row["year"].value[:4])
        share = float(row["share"].value)
        cells[agency][measure][year] = Share(row["entry"].value, share, format_percent(share))
        codes[measure] = row["code"].value
        years[agency].add(year)
    return {agency: (sorted(years[agency]),
                     [(measure, codes[measure], by_year[measure])
                      for measure in sorted(by_year, key=lambda measure: code_key(codes[measure]))])
            for agency, by_year in sorted(cells.items())}
