"""The project's words in Azerbaijani and English: one gettext catalogue, read by the pages through
Flask-Babel and by the check's verdict and the command line through gettext_in().

The messages are written in English in the code and templates (`_("Home")`); the Azerbaijani translation
is locale/az/LC_MESSAGES/atkg.po beside this module, kept with Babel's own tools (see the README's
"Wording" section). English needs no catalogue: a message is its own English text. The compiled .mo is
committed next to its .po, because Flask-Babel and an installed wheel read .mo files from disk and a
build step to compile them would be hand-made; a test fails when it is out of date with the .po.
"""

import gettext
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("az", "en")
DEFAULT_LANGUAGE = "az"
DOMAIN = "atkg"
LOCALE_DIR = Path(__file__).with_name("locale")


@lru_cache(maxsize=len(LANGUAGES))
def translations(language):
    """The catalogue's translations into `language` ("az" or "en"; English is the messages themselves).
    ValueError for another language; FileNotFoundError when the Azerbaijani catalogue is missing."""
    if language not in LANGUAGES:
        raise ValueError(f"no texts in {language!r}: the languages are {', '.join(LANGUAGES)}")
    if language == "en":
        return gettext.NullTranslations()
    # The standard library's reader, not Babel's (which costs a command 0.02 s of imports): it raises
    # FileNotFoundError for a missing catalogue instead of falling back to English.
    return gettext.translation(DOMAIN, LOCALE_DIR, [language])


def gettext_in(language):
    """The gettext function of `language`: gettext_in("az")("Problems") is "Problemlər"."""
    return translations(language).gettext
