"""One incident told across a long text is one event (events.coreference): a definite mention paragraphs
later, or a mention in the same town, joins the first telling; a word that sets it apart, another place,
another perpetrator or a named place the first telling lacks keeps it apart. Texts written for these tests."""

import pytest

FILLER = (
    "City officials met on Thursday to discuss the budget for the coming year. The mayor spoke about new bus "
    "lines and the repair of two bridges. Residents asked about taxes and parking.\n\n"
)


def _violent(report):
    return [e for e in report.events if dict(e.codes).get("acled_event_type")]


def test_a_definite_mention_paragraphs_later_is_the_same_incident(pipeline):
    text = (
        "Gunmen opened fire on a bus station in Kaduna on Monday, killing four passengers.\n\n"
        + FILLER * 2
        + "Relatives asked why the shooting of the passengers was not prevented."
    )
    (event,) = _violent(pipeline.extract(text, published="2022-05-04"))
    assert any(e.text.endswith("the shooting") or "shooting" in e.text for e in event.also)
    assert all(text[e.start : e.end] == e.text for e in event.also)


def test_a_mention_in_the_same_town_is_the_same_incident(pipeline):
    text = (
        "Gunmen opened fire on a bus station in Kaduna on Monday, killing four passengers.\n\n"
        + FILLER
        + "Traders said a shooting in Kaduna had emptied the market."
    )
    assert len(_violent(pipeline.extract(text, published="2022-05-04"))) == 1


@pytest.mark.parametrize(
    "later",
    [
        "Relatives asked why another shooting in Kaduna was not prevented.",  # a word that sets it apart
        "Relatives asked why the shooting in Zaria was not prevented.",  # another town
        "Relatives said the bandits' shooting of a trader was not prevented.",  # another perpetrator
    ],
)
def test_a_mention_told_apart_stays_its_own_event(pipeline, later):
    text = "Soldiers opened fire on a bus station in Kaduna on Monday, killing four passengers.\n\n" + FILLER + later
    assert len(_violent(pipeline.extract(text, published="2022-05-04"))) == 2


def test_a_named_incident_is_not_taken_for_an_earlier_one_without_a_place(pipeline):
    text = (
        "Two police officers were shot by a gunman during a traffic stop.\n\n"
        + FILLER
        + "The suspect had trained at a gun range before the Zaria attack."
    )
    events = _violent(pipeline.extract(text, published="2022-05-04"))
    assert not any("Zaria" in more.text for e in events for more in e.also)


def test_a_claim_and_the_authors_telling_stay_two(pipeline):
    text = (
        "Soldiers shot three farmers in Kaduna on Monday.\n\n"
        + FILLER
        + "The army claimed that its soldiers had shot three bandits in Kaduna."
    )
    events = _violent(pipeline.extract(text, published="2022-05-04"))
    assert sorted(e.status for e in events) == ["asserted", "claimed"]
