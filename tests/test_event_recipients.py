"""Who an event is done to when its trigger's own object names nobody, and the event a declaration, a
refusal or an order stands for (events.roles.further_recipients, events.extract). Sentences of our own."""

import pytest

from warlog.evaluate.coding import choose_event


def _main(pipeline, text):
    report = pipeline.extract(text, published="2021-03-02")
    event = choose_event(report)
    assert event is not None, f"no event in {text!r}"

    def names(ids):
        return [report.actor(i).name for i in ids]

    return event, names(event.actors), names(event.recipients)


@pytest.mark.parametrize(
    ("text", "plover", "actor", "recipient"),
    [
        # the subject of what is demanded
        ("Greece demanded that Turkey withdraw its warships from the Aegean.", "REQUEST", "Greece", "Turkey"),
        ("The Kenyan parliament reiterated its demand that Uganda release the fishermen.", "REQUEST", "Kenya",
         "Uganda"),
        # what the threatened or offered act is done to
        ("Iran threatened to cut diplomatic relations with Canada.", "THREATEN", "Iran", "Canada"),
        ("Ethiopia offered to hand over the two suspects to Kenya.", "AGREE", "Ethiopia", "Kenya"),
        # who made or did what the object names
        ("Germany rejected calls by Poland's government for war reparations.", "REJECT", "Germany",
         "Government of Poland"),
        ("Nigeria condemned an attack by Chad's soldiers on a border post.", "ACCUSE", "Nigeria",
         "Chadian Armed Forces"),
        # whom a protest's purpose is aimed at
        ("Thousands of Kurds marched in Erbil to demand the resignation of Prime Minister Nouri al-Maliki.",
         "PROTEST", "Kurds", "Nuri al Maliki"),
        # a state named as where the aid goes, whose troops leave, or who is visited
        ("Egypt promised to continue food aid to Sudan.", "AGREE", "Egypt", "Sudan"),
        ("Ghana said it is willing to withdraw its troops from Mali.", "AGREE", "Ghana", "Mali"),
        ("The Senegalese president will visit Mauritania and Gambia next week.", "CONSULT", "Senegal",
         "Mauritania"),
        # the roles of a carrier noun: "a mediation effort between X and Y"
        ("Israel launched a mediation effort between Egypt and Jordan on Sunday.", "CONSULT", "Israel", "Egypt"),
    ],
)  # fmt: skip
def test_the_recipient_one_step_further(pipeline, text, plover, actor, recipient):
    event, actors, recipients = _main(pipeline, text)
    assert event.type == plover
    assert actor in actors
    assert recipient in recipients


def test_troops_of_the_actor_are_not_the_recipient(pipeline):
    _, actors, recipients = _main(pipeline, "Ghana said it is willing to withdraw its troops from Mali.")
    assert actors == ["Ghana"] and recipients == ["Mali"]


def test_a_violent_event_keeps_its_own_target_only(pipeline):
    # "in Kasese" is where, and an attack's victim is named where the violence is told
    event, _, recipients = _main(pipeline, "Ugandan soldiers attacked a village in Kasese to punish Uganda.")
    assert event.type == "ASSAULT" and "Uganda" not in recipients


def test_what_another_must_do_is_asked_by_the_speaker(pipeline):
    event, actors, recipients = _main(pipeline, "Kenya said on Monday that Somalia must release the two aircraft.")
    assert event.type == "REQUEST" and actors == ["Kenya"] and recipients == ["Somalia"]


@pytest.mark.parametrize(
    "text",
    [
        "Turkey says it will not accept any more refugees from the war.",
        "Kenya and Somalia failed to reach an agreement on the border.",
        "Hamas did not release the prisoners.",
    ],
)
def test_cooperation_refused_is_a_rejection(pipeline, text):
    event, actors, _ = _main(pipeline, text)
    assert event.type == "REJECT" and actors


def test_an_attack_not_made_stays_a_negated_attack(pipeline):
    report = pipeline.extract("Israel did not attack Gaza.", published="2021-03-02")
    assert [(e.type, e.status) for e in report.events] == [("ASSAULT", "negated")]


def test_an_order_keeps_the_act_ordered(pipeline):
    report = pipeline.extract("President Museveni ordered the arrest of three opposition leaders.",
                              published="2021-03-02")  # fmt: skip
    event = choose_event(report)
    assert event is not None and (event.type, event.mode) == ("COERCE", "arrest")
    assert [report.actor(a).name for a in event.actors] == ["Museveni"]
    assert "REQUEST" in {e.type for e in report.events}


def test_an_order_to_another_is_a_request(pipeline):
    event, actors, recipients = _main(pipeline, "An Argentine judge ordered Carlos Menem to appear in court.")
    assert event.type == "REQUEST" and recipients == ["Carlos Menem"]


def test_a_curfew_after_a_protest_is_a_measure_of_its_own(pipeline):
    text = "The Ugandan police imposed a curfew in Kasese after a demonstration against the election results."
    event, actors, _ = _main(pipeline, text)
    assert (event.type, event.mode) == ("COERCE", "curfew") and actors == ["Ugandan police"]


def test_a_lifted_blockade_is_a_retreat_not_a_coercion(pipeline):
    event, actors, _ = _main(pipeline, "The Israeli army lifted its blockade of the Gaza crossing on Friday.")
    assert event.type == "RETREAT" and actors == ["Israel Defense Forces"]


def test_a_formal_protest_is_an_accusation(pipeline):
    event, actors, recipients = _main(pipeline, "Russia lodged a protest with Estonia over the removal of a monument.")
    assert event.type == "ACCUSE" and actors == ["Russia"] and recipients == ["Estonia"]


@pytest.mark.parametrize(
    ("text", "plover", "actor"),
    [
        ("Thousands of Serbs held a protest in Belgrade on Sunday.", "PROTEST", "Serbian opposition"),
        ("Egyptian negotiators arrived in Cairo for talks on water.", "CONSULT", "Egypt"),
        ("Ghana and Togo began ten days of joint military exercises on Monday.", "COOPERATE", "Ghana"),
    ],
)
def test_the_actor_of_an_event_noun_carried_by_another_word(pipeline, text, plover, actor):
    event, actors, _ = _main(pipeline, text)
    assert event.type == plover and actor in actors


def test_who_is_committed_holds_the_commitment(pipeline):
    event, actors, recipients = _main(pipeline, "Ghana is committed to talks with Togo.")
    assert event.type == "AGREE" and actors == ["Ghana"] and recipients == ["Togo"]


def test_an_order_to_stop_publishing_is_censorship(pipeline):
    event, actors, _ = _main(pipeline, "The government of Nicaragua ordered the newspaper to suspend publication.")
    assert (event.type, event.mode) == ("COERCE", "censor") and actors == ["Government of Nicaragua"]


def test_the_party_granted_something_is_its_recipient(pipeline):
    event, actors, recipients = _main(pipeline, "Uganda granted political asylum to 18 Rwandan rebels.")
    assert event.type == "AID" and actors == ["Uganda"] and recipients == ["Rwandan rebels"]


def test_a_statement_speaks_for_whoever_issued_it(pipeline):
    text = "The Kurdistan Workers' Party issued a declaration demanding that the Turkish government free its leader."
    event, actors, recipients = _main(pipeline, text)
    assert event.type == "REQUEST" and actors == ["Kurdistan Workers' Party"]
    assert recipients == ["Government of Turkey"]


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Hamas released a statement condemning the attack on the mosque.", "ACCUSE"),
        ("Hamas released three hostages on Sunday.", "RETREAT"),
    ],
)
def test_a_released_statement_frees_nobody(pipeline, text, plover):
    report = pipeline.extract(text, published="2021-03-02")
    event = choose_event(report)
    assert event is not None and event.type == plover
    assert plover == "RETREAT" or "RETREAT" not in {e.type for e in report.events}


def test_the_purpose_of_an_accord_names_its_party(pipeline):
    report = pipeline.extract("Russia signed an accord to supply Syria with fighter jets.", published="2021-03-02")
    event = choose_event(report)
    assert event is not None and event.type == "SUPPORT"
    assert [report.actor(a).name for a in event.recipients] == ["Syria"]
    supplied = [e for e in report.events if e.type == "AID"]
    assert supplied and [report.actor(a).name for a in supplied[0].actors] == ["Russia"]


def test_a_threats_condition_names_who_must_yield(pipeline):
    report = pipeline.extract(
        "Russia threatened to leave the talks if the United States deploys new missiles in Europe.",
        published="1985-01-01",
    )
    threat = next(e for e in report.events if e.type == "THREATEN")
    assert threat.recipients == ("usa",)


def test_every_group_a_quantity_is_of(pipeline):
    """ "scores of Sierra Leonean and Liberian refugees": both groups are the victims."""
    report = pipeline.extract(
        "Security forces in Guinea tortured scores of Sierra Leonean and Liberian refugees.", published="2000-09-10"
    )
    event = next(e for e in report.events if e.type == "ASSAULT")
    assert "lbr.cvl" in event.recipients
