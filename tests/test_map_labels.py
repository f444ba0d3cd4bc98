"""Label placement: shown labels never overlap, higher priority wins."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from widgets.map_labels import place


def _overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_first_candidate_wins_a_clash():
    assert place([(0, 0, 50, 20), (10, 5, 60, 25), (100, 0, 150, 20)]) == [True, False, True]


rects = st.builds(
    lambda x, y, w, h: (x, y, x + w, y + h),
    st.floats(-500, 2000), st.floats(-500, 1500), st.floats(1, 200), st.floats(1, 60),
)


@given(st.lists(rects, max_size=120))
def test_shown_labels_never_overlap(candidates):
    flags = place(candidates, padding=0)
    shown = [r for r, ok in zip(candidates, flags) if ok]
    for i, a in enumerate(shown):
        for b in shown[i + 1:]:
            assert not _overlap(a, b)
    for rect, ok in zip(candidates, flags):  # a label is only dropped for a real clash
        assert ok or any(_overlap(rect, other) for other in shown)
