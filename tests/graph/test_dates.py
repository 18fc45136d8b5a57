"""find_dates on the forms the reports use, and on real lines of the 2020 and 2021 reports."""

from datetime import date
from importlib.resources import files

import pytest

from atkg.graph.extract.dates import DateValue, find_dates


def day(year, month, day_of_month, last=None):
    return DateValue(date(year, month, day_of_month), date(year, month, last or day_of_month), "day")


def only(text, **options):
    mentions = find_dates(text, **options)
    assert len(mentions) == 1, mentions
    return mentions[0]


def source_line(stem, number):
    return (files("atkg.graph") / "sources" / f"{stem}.txt").read_text(encoding="utf-8").split("\n")[number - 1]


@pytest.mark.parametrize("text, surface, value", [
    ("24 fevral 2020-ci il tarixdə", "24 fevral 2020-ci il", day(2020, 2, 24)),
    ("2020-ci il martın 11-də imzalanmışdır", "2020-ci il martın 11-də", day(2020, 3, 11)),
    ("12.11.2020-ci il tarixdə", "12.11.2020-ci il", day(2020, 11, 12)),
    ("05 mart 2018-ci il tarixli", "05 mart 2018-ci il", day(2018, 3, 5)),
    ("Nazirlər Kabinetinin 2021-ci il 1 dekabr tarixli", "2021-ci il 1 dekabr", day(2021, 12, 1)),
    ("2015-ci ilin oktyabrın 28-29-da", "2015-ci ilin oktyabrın 28-29-da", day(2015, 10, 28, 29)),
    ("4-5 oktyabr 2021-ci il tarixlərdə", "4-5 oktyabr 2021-ci il", day(2021, 10, 4, 5)),
    ("Dərc olunma tarixi: 23-07-2020,", "23-07-2020", day(2020, 7, 23)),
])
def test_a_single_day_or_span_of_days(text, surface, value):
    mention = only(text)
    assert (mention.surface, mention.dates) == (surface, (value,))
    assert text[mention.start:mention.end] == surface


def test_a_list_of_days_in_two_months_is_one_mention_with_four_dates():
    mention = only("12, 17, 18 avqust və 15 sentyabr 2020-ci il tarixlərdə")
    assert mention.dates == (day(2020, 8, 12), day(2020, 8, 17), day(2020, 8, 18), day(2020, 9, 15))


def test_a_range_across_two_months_keeps_both_ends():
    mention = only("27 iyul-3 avqust 2022-ci il")
    assert mention.dates == (DateValue(date(2022, 7, 27), date(2022, 8, 3), "day"),)


def test_the_2020_report_training_dates_all_take_the_year_written_at_the_end():
    mention = only(source_line("000_8824f00754a92447", 91))
    assert mention.surface == "16-19 iyun, 12, 17, 18 avqust və 15 sentyabr 2020-ci il"
    assert mention.dates == (day(2020, 6, 16, 19), day(2020, 8, 12), day(2020, 8, 17), day(2020, 8, 18),
                             day(2020, 9, 15))


def test_days_without_a_year_take_the_nearest_year_of_the_sentence_else_the_default_year():
    assert find_dates("16-19 iyun tarixlərdə, 2020-ci il ərzində")[0].dates == (day(2020, 6, 16, 19),)
    assert only("16-19 iyun tarixlərində", default_year=2021).dates == (day(2021, 6, 16, 19),)
    assert find_dates("16-19 iyun tarixlərində") == []


def test_a_year_in_another_sentence_is_not_borrowed():
    mentions = find_dates("2019-cu il ərzində. 16-19 iyun tarixlərində təlim keçirildi.", default_year=2021)
    assert [m.dates[0].start.year for m in mentions] == [2019, 2021]


def test_current_year_forms_use_the_default_year_at_month_or_year_precision():
    from_march = only("cari ilin mart ayından", default_year=2020)
    assert from_march.dates == (DateValue(date(2020, 3, 1), date(2020, 3, 31), "month"),)
    assert only("Cari ilin mart ayınadək", default_year=2020).surface == "Cari ilin mart ayınadək"
    assert only("Cari ilin 17 mart tarixdə", default_year=2021).dates == (day(2021, 3, 17),)
    assert only("Cari il ərzində", default_year=2021).dates[0].precision == "year"
    assert find_dates("cari ilin mart ayından") == []


def test_that_year_refers_back_to_the_year_before_it():
    mentions = find_dates("2013-cü il 2 iyul tarixli Qanunu ilə qəbul edilmiş və həmin ilin avqust ayının 1-dən")
    assert mentions[1].surface == "həmin ilin avqust ayının 1-dən"
    assert mentions[1].dates == (day(2013, 8, 1),)


@pytest.mark.parametrize("text, value", [
    ("2021-ci il ərzində", DateValue(date(2021, 1, 1), date(2021, 12, 31), "year")),
    ("2020-2024-cü illər üçün", DateValue(date(2020, 1, 1), date(2024, 12, 31), "year")),
    ("2020 2024-cü illər üçün", DateValue(date(2020, 1, 1), date(2024, 12, 31), "year")),
    ("2013-cü ilin yanvarından", DateValue(date(2013, 1, 1), date(2013, 1, 31), "month")),
])
def test_years_year_ranges_and_months(text, value):
    assert only(text).dates == (value,)


def test_a_list_of_years_gives_each_year():
    assert [v.start.year for v in only("2012-ci və 2014-cü illər ərzində").dates] == [2012, 2014]


@pytest.mark.parametrize("case_form", ["martın", "martda", "martdan", "marta", "mart"])
def test_month_names_in_every_case_form(case_form):
    assert only(f"2020-ci il {case_form} 11-də").dates == (day(2020, 3, 11),)


@pytest.mark.parametrize("text", ["4.2.1-ci yarımbənd üzrə", "20.754 əcnəbi", "3306 nəfərin", "02/1847 nömrəli",
                                  "Miqrasiya Məcəlləsinə 64.06-1-ci maddə", "390.020.030", "32202007222173"])
def test_codes_and_numbers_are_not_dates(text):
    assert find_dates(text) == []


def test_an_impossible_day_is_dropped():
    assert find_dates("31 fevral 2020-ci il") == []
