"""find_counts: numbers with the word they count, and what is not a count."""

import pytest

from atkg.graph.extract.numbers import MORE_THAN, NOT_MORE_THAN, find_counts


def counted(text):
    return [(c.value, c.noun, c.qualifier) for c in find_counts(text)]


def test_a_dot_between_digit_groups_is_a_thousands_separator():
    assert counted("20.754 əcnəbi və vətəndaşlığı olmayan şəxs") == [(20754, "əcnəbi", None)]


def test_numbers_without_separator_and_inflected_nouns():
    assert counted("3306 nəfərin ölkə ərazisində") == [(3306, "nəfərin", None)]


def test_two_counts_in_one_phrase():
    assert counted("readmissiya edilmiş 102 vətəndaşdan 79 nəfərinin") == [(102, "vətəndaşdan", None),
                                                                        (79, "nəfərinin", None)]


def test_more_than_before_the_noun_skips_an_adjective():
    count = find_counts("Xidmət tərəfindən 40-dan çox beynəlxalq müqavilə layihəsi üzrə")[0]
    assert (count.value, count.noun, count.qualifier) == (40, "müqavilə", MORE_THAN)
    assert count.surface == "40-dan çox beynəlxalq müqavilə"


def test_not_more_than_after_the_noun():
    assert counted("İl ərzində 90 gündən çox olmayan müddətdə") == [(90, "gündən", NOT_MORE_THAN)]


def test_offsets_point_at_the_surface():
    text = "hesabat dövrü ərzində 348 işçi 16 halda təlimlərə cəlb olunmuşdur"
    assert [text[c.start:c.end] for c in find_counts(text)] == ["348 işçi", "16 halda"]


@pytest.mark.parametrize("text", [
    "4.2.1-ci yarımbənd üzrə 2 maarifləndirmə",
    "2021-ci il 1 dekabr tarixli 377 nömrəli Qərarı ilə 2 maarifləndirmə",
    "02/1847 nömrəli məktubu ilə 2 maarifləndirmə",
    "Komitəsinin 33-cü sessiyası çərçivəsində 2 maarifləndirmə",
    "Çağrı Mərkəzinin - (919 telefon nömrəsi) 2 maarifləndirmə",
    "16-19 iyun, 12, 17, 18 avqust və 15 sentyabr 2020-ci il 2 maarifləndirmə",
    "“Miqrasiya Məktəbi-3” layihəsi 2 maarifləndirmə",
])
def test_codes_dates_ordinals_and_act_numbers_are_not_counts(text):
    assert counted(text) == [(2, "maarifləndirmə", None)]


def test_a_number_at_the_end_of_a_line_does_not_count_the_next_paragraph():
    assert counted("Bakı şəhəri, 22 iyul 2020-ci il\n2173\n\nAzərbaycan Respublikası") == []
