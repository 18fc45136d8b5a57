"""Money amounts in report text (graph/extract/amounts.py): value, what each is the amount of, and year."""

import pytest

from atkg.graph.extract.amounts import find_amounts


def amounts(text, *, year=2022):
    return [(found.value, found.label, found.year) for found in find_amounts(text, default_year=year)]


@pytest.mark.parametrize("text, expected", [
    ("Viza üçün dövlət rüsumu 20 manat, ekspress qaydada isə 40 manat təşkil edir.",
     [(20, "Viza üçün dövlət rüsumu", 2022), (40, "Viza üçün dövlət rüsumu, ekspress qaydada", 2022)]),
    ("2019-cu il 5 mart tarixli Qanuna əsasən qaydaları pozan işəgötürənlərə tətbiq edilən cərimənin məbləği "
     "1.500 manatdan 2.000 manata qədər artırılmışdır.",
     [(1500, "qaydaları pozan işəgötürənlərə tətbiq edilən cərimənin məbləği, manatdan", 2019),
      (2000, "qaydaları pozan işəgötürənlərə tətbiq edilən cərimənin məbləği, manata qədər", 2019)]),
    ("Hər bir sənədin tərcüməsi üçün 12,50 AZN ödənilir.", [(12.5, "Hər bir sənədin tərcüməsi üçün", 2022)]),
    ("Tələbələrə ayda 300 manatlıq təqaüd verilir.", [(300, "Tələbələrə ayda manatlıq təqaüd", 2022)]),
])
def test_each_amount_says_what_it_is_for_in_the_reports_words(text, expected):
    assert amounts(text) == expected


@pytest.mark.parametrize("text", [
    "Hesabat dövründə 350 nəfər təlimə cəlb olunmuşdur.",
    "Manat məzənnəsi barədə məlumat verilmişdir.",
    "2014-cü il 16 may tarixli 963-IVQD nömrəli Qanun qəbul edilmişdir.",
])
def test_counts_numbers_and_the_word_manat_alone_are_no_amounts(text):
    assert amounts(text) == []
