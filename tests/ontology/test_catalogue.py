"""The az/en catalogue: every message the code and templates use has an Azerbaijani translation, the
catalogue holds nothing they do not use, the compiled .mo says what its .po says, and a translation keeps
its message's placeholders."""

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from atkg.ontology.catalogue import DOMAIN, LOCALE_DIR, gettext_in, translations

ROOT = Path(__file__).resolve().parents[2]
PO = LOCALE_DIR / "az" / "LC_MESSAGES" / f"{DOMAIN}.po"
MO = PO.with_suffix(".mo")


def used_messages():
    """{(context, message)} the code and templates ask the catalogue for (pybabel extract's reading of them,
    with the mapping of babel.cfg)."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping)
    found = {(context, message) for _, _, message, _, context in extract_from_dir(ROOT, method_map, options_map)}
    assert len(found) > 50  # the pages' words and the verdict's, at least
    return found


def catalogue():
    with PO.open("rb") as po:
        return read_po(po)


def test_every_message_used_has_an_azerbaijani_translation():
    translated = {(message.context, message.id) for message in catalogue()
                  if message.id and message.string and not message.fuzzy}
    assert sorted(used_messages() - translated, key=str) == []


def test_the_catalogue_holds_no_message_nothing_uses():
    po = catalogue()
    held = {(message.context, message.id) for message in po if message.id}
    assert sorted(held - used_messages(), key=str) == []
    assert list(po.obsolete) == []  # pybabel update --ignore-obsolete drops them


def test_the_compiled_catalogue_is_up_to_date_with_its_po():
    """Run `pybabel compile -d ontology/locale -D atkg` when this fails."""
    with MO.open("rb") as mo:
        compiled = {_key(message): _plural(message.string) for message in read_mo(mo) if message.id}
    written = {_key(message): _plural(message.string) for message in catalogue() if message.id and not message.fuzzy}
    assert compiled == written


def _key(message):
    """(context, id) of a message; a plural one's id is its singular and plural forms."""
    return message.context, _plural(message.id)


def _plural(text):
    """A message's text, or its forms as a tuple for a plural message (.mo gives lists, .po tuples)."""
    return text if isinstance(text, str) else tuple(text)


def test_translations_keep_the_placeholders_of_their_message():
    problems = [(message.id, [str(error) for error in errors]) for message, errors in catalogue().check()]
    assert problems == []


def test_gettext_in_each_language():
    assert gettext_in("az")("Problems") == "Problemlər"
    assert gettext_in("en")("Problems") == "Problems"
    with pytest.raises(ValueError, match="the languages are az, en"):
        translations("ru")
