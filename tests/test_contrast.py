"""WCAG contrast (casebook/contrast.py), and the app's colours held to it in both modes."""

from __future__ import annotations

import pytest

from casebook import contrast, recordcharts
from casebook.loader import load_content
from tests.conftest import CONTENT

BACKGROUNDS = (contrast.LIGHT_BACKGROUND, contrast.DARK_BACKGROUND)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#0072B2", "#ffffff", 5.19),  # WebAIM's checker gives 5.19:1
        ("#CC79A7", "#ffffff", 3.06),
        ("#E69F00", "#ffffff", 2.25),
    ],
)
def test_ratio(first, second, expected):
    assert contrast.ratio(first, second) == pytest.approx(expected, abs=0.01)
    assert contrast.ratio(second, first) == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize("colour", ["#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"])
def test_darker_reaches_the_target_and_stays_as_light_as_it_can(colour):
    shade = contrast.darker(colour)
    assert contrast.ratio(shade, "#ffffff") >= contrast.TEXT
    a_step_lighter = contrast.darker(colour, target=contrast.TEXT - 0.3)
    assert contrast.luminance(a_step_lighter) > contrast.luminance(shade)


def test_darker_keeps_a_colour_that_already_passes():
    assert contrast.darker("#0072B2") == "#0072B2"


MARKS = {
    **{f"theme {t.id}": t.colour for t in load_content(CONTENT).codebook.themes},
    **{f"claim {kind}": colour for kind, colour in recordcharts.CLAIM_COLOURS.items()},
    "uncoded and neutral marks": contrast.NEUTRAL,
}


@pytest.mark.parametrize("name", MARKS)
@pytest.mark.parametrize("background", BACKGROUNDS)
def test_every_mark_colour_stands_3_to_1_off_both_backgrounds(name, background):
    """Bars, dots, badge frames and claim flags: WCAG 1.4.11 in light and dark mode."""
    assert contrast.ratio(MARKS[name], background) >= contrast.MARK


def test_claim_kinds_differ_by_mark_as_well_as_colour():
    marks = recordcharts.CLAIM_MARKS
    assert set(marks) == set(recordcharts.CLAIM_COLOURS)
    assert len(set(marks.values())) == len(marks)
