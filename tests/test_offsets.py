"""The sentence around a span, as the renderers show it."""

from warlog.cli.offsets import sentence_bounds


def test_sentence_bounds_stop_at_the_sentence_that_opens_with_the_span():
    text = "Keep the regime alive. In service of this mission, Moscow targeted the rebels. Gen. Hamedani died."
    start = text.index("In service")
    assert text[slice(*sentence_bounds(text, start, start + 10))] == (
        "In service of this mission, Moscow targeted the rebels."
    )
    hamedani = text.index("Hamedani")
    assert text[slice(*sentence_bounds(text, hamedani, hamedani + 8))] == "Gen. Hamedani died."
