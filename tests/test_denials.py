"""Denials and rebuttals as contradictions (issue 15): sentences written for these tests."""

from __future__ import annotations

import pytest

from warlog.claims.denials import Denial
from warlog.claims.rebuttals import denial_contradictions
from warlog.model import Actor, Claim, Event, Evidence

pytestmark = pytest.mark.slow

ACTORS = {"rus": Actor(id="rus", name="Russia", kind="state", mentions=(Evidence(0, 6, "Moscow"),))}
TEXT = "Moscow denied the claim by Kyiv that its drones hit the dam."


def _sides(report):
    claims = {c.id: c for c in report.claims}
    return [[claims[i].text for i in c.items if i in claims] for c in report.contradictions]


@pytest.mark.parametrize(
    ("text", "denied", "against"),
    [
        # a denying verb with a clause, against a report that the denier's own forces did it
        ("Russian jets bombed a market in Idlib on Tuesday, killing nine people, rescuers said. "
         "Moscow denied that its aircraft had struck the town.", "its aircraft had struck the town", "Russian jets"),
        # an account called false: "the claim" points back to what the critics said
        ("Critics said the new levy would raise prices for farmers. The senator called the claim absurd.",
         "the claim", "the new levy would raise prices"),
        # a clause said of what was told before
        ("Rebels said the militia shelled the market. The governor denied it happened.", "it happened",
         "the militia shelled the market"),
        # a pointing object of a rejecting verb
        ("The governor said the militia had looted the depot. The militia's commander rejected that account.",
         "that account", "the militia had looted the depot"),
    ],
)  # fmt: skip
def test_a_denial_contradicts_what_it_denies(pipeline, text, denied, against):
    report = pipeline.extract(text)
    sides = _sides(report)
    assert any(any(denied in s for s in side) and any(against in s for s in side) for side in sides), sides


def test_a_denier_of_its_own_strike_disputes_the_perpetrator(pipeline):
    text = ("Russian jets bombed a market in Idlib on Tuesday, killing nine people, rescuers said. "
            "Moscow denied that its aircraft had struck the town.")  # fmt: skip
    kinds = {c.kind for c in pipeline.extract(text).contradictions}
    assert "perpetrator" in kinds


@pytest.mark.parametrize(
    "text",
    [
        "The ministry rejected a request to extend the deadline for the new permits.",
        "The court dismissed the case against the two journalists on Monday.",
        "The minister did not deny that talks with the rebels had taken place.",
        "Voters in the district rejected the candidate by a wide margin.",
        "The envoy said the talks were difficult. He called the meeting useful.",
    ],
)
def test_no_contradiction_without_a_denied_account(pipeline, text):
    assert pipeline.extract(text).contradictions == ()


@pytest.mark.parametrize(
    ("text", "implied", "accuser"),
    [
        # a clause denied with nothing else in the text that tells it
        ("The minister denied that she had leaked the memo to the press.", "she had leaked the memo to the press",
         None),
        # an account with its content clause: the proposition is the clause
        ("The farmer disputes the idea that the flood was caused by the new dam.",
         "the flood was caused by the new dam", None),
        # an account whose maker the denial names: the accuser is the implied claim's speaker
        ("The ministry rejected the governor's claim that the convoy had been looted.",
         "the convoy had been looted", "the governor"),
        ("The mayor rejected attacks from two rival candidates that he had wasted the budget.",
         "he had wasted the budget", "two rival candidates"),
    ],
)  # fmt: skip
def test_a_denial_of_what_only_the_denial_tells_stands_against_an_implied_claim(pipeline, text, implied, accuser):
    report = pipeline.extract(text)
    [found] = report.contradictions
    claims = {c.id: c for c in report.claims}
    assert found.implied is not None and found.implied.text == implied
    assert found.implied.speaker_text == accuser
    assert [i for i in found.items if i in claims] == list(found.items) and len(found.items) == 1
    assert report.document.text[found.implied.evidence.start : found.implied.evidence.end] == implied


@pytest.mark.parametrize(
    "text",
    [
        "I don't think this is a ridiculous idea, said the mayor.",  # a false-word under a negated verb
        "Even some who had previously dismissed the idea that the dam leaked were persuaded by the photos.",
        "The mayor rejected that argument on Monday.",  # points back to nothing told
        "The analyst said the false claims spread quickly online.",  # an account that says nothing of itself
        "Do you really think that the melting glaciers are a hoax?",  # a question denies nothing
        "Readers can find the senator's ridiculous posts on other sites.",  # a judging word only qualifies
        "The rules are so vague that it is almost laughable.",  # a degree's result, not an account called false
        "The judge said the plan was cruel. He knew how absurd that would be.",  # false only in supposition
        "The senator said she was tired of the campaign lying about her.",  # nothing said is denied
        "The polls missed the result, but it isn't because they were wrong.",  # negated above a because-clause
    ],
)
def test_no_implied_claim_without_a_standing_denial_of_a_told_proposition(pipeline, text):
    assert pipeline.extract(text).contradictions == ()


@pytest.mark.parametrize(
    ("text", "denial", "against"),
    [
        # negated existence against a report of the same kind of deed
        ("Residents said army artillery shelled the village overnight, killing four people. "
         "The army said there was no attack on the village.", "there was no attack", "shelled the village"),
        ("The ministry said no airstrike took place in the town on Monday. "
         "Medics reported that jets bombed the town on Monday.", "no airstrike took place", "bombed the town"),
        # negated predication against another source that names the kind
        ("The ministry said the deployment was not a combat mission. "
         "Critics said the troops would be in combat within weeks.", "was not a combat mission", "in combat"),
    ],
)  # fmt: skip
def test_a_negated_deed_contradicts_another_source_telling_it(pipeline, text, denial, against):
    report = pipeline.extract(text)
    claims = {c.id: c for c in report.claims}
    events = {e.id: e for e in report.events}
    [found] = report.contradictions
    assert found.kind == "occurrence" and found.implied is None
    told = [claims[i].text for i in found.items if i in claims] + [
        events[i].evidence.text for i in found.items if i in events
    ]
    assert any(denial.split()[-1] in s for s in told) and any(against in s for s in told), told


@pytest.mark.parametrize(
    "text",
    [
        "There was no attack on the village last night, the mayor said. The night was quiet.",  # nothing to deny
        "The mayor said there was no immediate claim of responsibility for the blast.",  # no deed denied
        "The army said the convoy was not a military target. Rebels shelled the town.",  # no kind in common
    ],
)
def test_a_negated_deed_without_a_counterpart_is_no_contradiction(pipeline, text):
    assert pipeline.extract(text).contradictions == ()


def test_a_pointing_word_that_opens_a_sentence_calls_the_sentence_before_untrue(pipeline):
    before = "The candidate wants to publish his records but cannot because of an audit."
    [found] = pipeline.extract(before + "\n\nThis is simply false.").contradictions
    assert found.implied is not None and found.implied.text == before.rstrip(".")


def test_a_pointing_word_names_the_claim_before_it(pipeline):
    text = "The governor keeps saying the bridge was closed for repairs.\n\nThis is simply false."
    report = pipeline.extract(text)
    claims = {c.id: c.text for c in report.claims}
    [found] = report.contradictions
    assert found.implied is None and "the bridge was closed for repairs" in [claims.get(i) for i in found.items]


def test_the_reference_document_keeps_exactly_its_contradictions(pipeline, reference_report):
    kinds = sorted(c.kind for c in reference_report.contradictions)
    assert kinds == ["perpetrator", "place", "recipient"]


# -- the model side, on hand-built claims and events --------------------------------------------------


def _claim(claim_id: str, **fields) -> Claim:
    return Claim(id=claim_id, text=fields.pop("text", "t"), evidence=Evidence(0, 1, "t"), **fields)


def _event(event_id: str, **fields) -> Event:
    return Event(id=event_id, type="ASSAULT", evidence=Evidence(0, 1, "x"), **fields)


def test_a_denial_of_a_told_event_names_both_claims():
    denier = _claim("c1", speaker="rus", events=("e1",))
    teller = _claim("c2", speaker=None, speaker_text="rescuers", events=("e2",))
    events = [_event("e1", actors=("rus",), status="denied"), _event("e2", actors=("rus",), status="reported")]
    denial = Denial((0, 1), (2, 3), (0, 1), targets=("e2",), events=("e1",), claim="c1")
    [found] = denial_contradictions([denial], [denier, teller], events, ACTORS, text=TEXT)
    assert found.kind == "perpetrator" and found.items == ("c1", "c2", "e2")
    assert "Russia denies" in found.explanation and "rescuers" not in found.explanation


def test_a_denial_already_held_by_a_contradiction_adds_nothing():
    denier, teller = _claim("c1", events=()), _claim("c2", events=())
    denial = Denial((0, 1), (2, 3), None, targets=("c2",), claim="c1")
    [first] = denial_contradictions([denial], [denier, teller], [], ACTORS, text=TEXT)
    assert first.kind == "occurrence"
    assert denial_contradictions([denial], [denier, teller], [], ACTORS, text=TEXT, found=[first]) == ()


def test_a_denial_with_nothing_to_stand_against_is_no_contradiction():
    denial = Denial((0, 1), (2, 3), None, claim="c1")
    assert denial_contradictions([denial], [_claim("c1")], [], ACTORS, text=TEXT) == ()


# -- what an accusation asserts -------------------------------------------------------------------------


def test_the_accused_act_is_the_accused_s_claimed_by_the_accuser(pipeline):
    report = pipeline.extract("Turkey accused Kurdish militants of bombing a bus in Ankara.")
    [act] = [e for e in report.events if e.type == "ASSAULT"]
    assert act.status == "claimed" and act.speaker == "tur" and "tur" not in act.actors and act.actors


def test_an_actor_in_a_relative_clause_is_not_the_accused(pipeline):
    text = "The UN investigators blamed the Islamic State for a chemical attack on Marea, where the army was fighting."
    report = pipeline.extract(text)
    accusations = [e for e in report.events if e.type == "ACCUSE"]
    assert len(accusations) == 1 and accusations[0].recipients == ("isil",)
    [attack] = [e for e in report.events if e.type == "ASSAULT" and "chemical" in e.evidence.text]
    assert attack.actors == ("isil",) and attack.speaker == "un"


def test_a_denial_with_a_proposition_and_no_counterpart_stands_against_it_implied():
    denial = Denial((7, 13), (14, 59), (0, 6), claim="c1", accuser=(27, 31), proposition=(37, 59))
    [found] = denial_contradictions([denial], [_claim("c1", speaker="rus")], [], ACTORS, text=TEXT)
    assert found.kind == "occurrence" and found.items == ("c1",)
    assert found.implied is not None and found.implied.text == "its drones hit the dam"
    assert found.implied.speaker_text == "Kyiv" and found.implied.speaker is None
    assert "implied" in found.explanation and "Russia denies" in found.explanation


def test_a_retracted_denial_stands_against_nothing_implied():
    denial = Denial((7, 13), (14, 59), (0, 6), claim="c1", proposition=(37, 59), retracted=(7, 13))
    assert denial_contradictions([denial], [_claim("c1")], [], ACTORS, text=TEXT) == ()
