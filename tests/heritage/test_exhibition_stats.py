import pytest
from hypothesis import given
from hypothesis import strategies as st

from inducult.heritage.domain.exhibition_stats import Share, by_stop, shares


def test_shares_list_every_showcase_most_chosen_first_ties_in_order():
    assert shares([10, 20, 30], [20, 20, 30]) == [Share(20, 2, 66.7), Share(30, 1, 33.3), Share(10, 0, 0.0)]
    assert shares([10, 20], []) == [Share(10, 0, 0.0), Share(20, 0, 0.0)]


def test_votes_for_an_unknown_showcase_are_an_error():
    with pytest.raises(ValueError, match=r"\[99\]"):
        shares([10, 20], [10, 99])


def test_by_stop_splits_the_votes():
    result = by_stop([1, 2], [(7, 1), (7, 1), (8, 2)])
    assert result == {7: [Share(1, 2, 100.0), Share(2, 0, 0.0)], 8: [Share(2, 1, 100.0), Share(1, 0, 0.0)]}


@given(st.lists(st.sampled_from([1, 2, 3, 4]), max_size=60))
def test_counts_add_up_and_percentages_are_about_100(votes):
    result = shares([1, 2, 3, 4], votes)
    assert sum(s.votes for s in result) == len(votes)
    assert [s.votes for s in result] == sorted((s.votes for s in result), reverse=True)
    if votes:
        assert abs(sum(s.percent for s in result) - 100) <= 0.3
