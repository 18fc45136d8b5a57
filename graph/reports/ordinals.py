"""Azerbaijani ordinal suffixes for numbers written in digits: 2020-ci, 2023-cü, 4.2.10-cu, 2026-cı.

The suffix follows the vowel harmony of the number's last spoken word: 3 "üç" takes -cü, 6 "altı" -cı,
9 "doqquz" -cu, and a round ten, hundred or thousand follows its own word ("otuz" -cu, "yüz" -cü).
"""

_UNITS = {"1": "ci", "2": "ci", "3": "cü", "4": "cü", "5": "ci", "6": "cı", "7": "ci", "8": "ci", "9": "cu"}
_TENS = {"1": "cu", "2": "ci", "3": "cu", "4": "cı", "5": "ci", "6": "cı", "7": "ci", "8": "ci", "9": "cı"}


def ordinal_suffix(number):
    """The ordinal suffix of a number given as digits (or of the last part of a code like 4.2.10)."""
    digits = str(number).rsplit(".", 1)[-1]
    if digits[-1] != "0":
        return _UNITS[digits[-1]]
    if len(digits) > 1 and digits[-2] != "0":
        return _TENS[digits[-2]]
    if len(digits) > 2 and digits[-3] != "0":
        return "cü"  # yüz
    return "ci"  # min, and zero ("sıfırıncı" is not written with digits)


def ordinal(number):
    """A number with its ordinal suffix, e.g. "2021-ci"."""
    return f"{number}-{ordinal_suffix(number)}"
