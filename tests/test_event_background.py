"""The event a sentence stands for: the one told in its main clause, not the one told as its setting or
its content (events.clauses, evaluate.coding.choose_event). Sentences of our own."""

import pytest

from warlog.evaluate.coding import choose_event


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("The Interior Ministry lifted a state of emergency in Kassala imposed after tribal clashes there.",
         "CONCEDE"),
        ("Chad suspended aid deliveries to the north on Friday after two of its trucks were hit by gunfire.",
         "SANCTION"),
        ("Kenya offered to hand over two men suspected of bombing a hotel in 2002.", "AGREE"),
        ("Somali elders blamed the militia for the bombing of a market in Baidoa.", "ACCUSE"),
    ],
)  # fmt: skip
def test_the_main_clause_stands_for_the_sentence(pipeline, text, plover):
    report = pipeline.extract(text, published="2021-03-02")
    event = choose_event(report)
    assert event is not None and event.type == plover
    assert any("background" in dict(e.codes) for e in report.events)


def test_a_deadly_attack_is_news_in_any_clause(pipeline):
    report = pipeline.extract("The party condemned the attack on its office in Kisumu that left two dead.",
                              published="2021-03-02")  # fmt: skip
    event = choose_event(report)
    assert event is not None and event.type == "ASSAULT"


def test_a_scene_in_another_sentence_is_not_background(pipeline):
    text = "Gunmen attacked a police post in Bama on Monday. The governor condemned the attack."
    event = choose_event(pipeline.extract(text, published="2021-03-02"))
    assert event is not None and event.type == "ASSAULT"


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Kenya said on Monday that Somalia must return the two aircraft it seized.", "REQUEST"),
        ("Rebel leaders announced that President Kagame must agree to constitutional reforms.", "REQUEST"),
        ("The army said it must attack the rebels in Bama.", "ASSAULT"),  # its own intent, no demand
    ],
)
def test_what_another_must_do_is_a_demand(pipeline, text, plover):
    event = choose_event(pipeline.extract(text, published="2021-03-02"))
    assert event is not None and event.type == plover
