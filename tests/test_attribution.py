"""Attribution: who says what, on the reference document and on invented sentences, one per construction."""

from pathlib import Path

import pytest

from warlog.claims.attribution import Attribution, find_attributions
from warlog.claims.quotes import find_quotes, headline_lines
from warlog.errors import PackError
from warlog.packs.cues import CuePack

REFERENCE = Path(__file__).resolve().parent.parent / "examples" / "reference.txt"


def _doc(pipeline, text, published="2015-10-10"):
    doc = pipeline.nlp.make_doc(text)
    doc._.warlog_published = published
    return pipeline.nlp(doc)


def _read(text: str, attribution: Attribution) -> dict:
    def cut(span):
        return text[span[0] : span[1]] if span is not None else None

    return {"content": cut(attribution.content), "source": cut(attribution.source), "cue": cut(attribution.cue)}


@pytest.fixture(scope="module")
def reference(pipeline):
    text = REFERENCE.read_text(encoding="utf-8")
    return text, find_attributions(_doc(pipeline, text))


def _with(reference, fragment: str) -> tuple[Attribution, dict]:
    text, found = reference
    hits = [a for a in found if fragment in text[a.content[0] : a.content[1]]]
    assert len(hits) == 1, f"{len(hits)} attributions hold {fragment!r}"
    return hits[0], _read(text, hits[0])


def test_reference_attributions_are_in_order_and_disjoint(reference):
    text, found = reference
    spans = [a.content for a in found]
    assert spans == sorted(spans)
    assert all(one[1] <= other[0] for one, other in zip(spans, spans[1:], strict=False))
    for attribution in found:
        for span in (attribution.content, attribution.source, attribution.cue):
            assert span is None or 0 <= span[0] < span[1] <= len(text)


def test_iran_claims_daesh(reference):
    attribution, words = _with(reference, "Daesh terrorists")
    assert words["source"] == "Iranian State propaganda" and words["cue"] == "claimed"
    assert attribution.cue_lemma == "claim" and attribution.speakers[0] == "irn" and attribution.direct
    assert words["content"].startswith("Gen. Hamedani was killed by")


def test_russia_announced_the_whole_clause_partly_quoted(reference):
    attribution, words = _with(reference, "hit sixty terrorist targets")
    assert words["cue"] == "announced" and attribution.speakers == ("rus",)
    assert "killed two-hundred I.S. jihadists" in words["content"] and attribution.direct


def test_weiss_in_the_daily_beast(reference):
    attribution, words = _with(reference, "Russia seems to have inherited")
    assert words["source"] == "Michael Weiss" and attribution.cue_lemma == "write"
    assert attribution.speakers == ("new.michael-weiss",) and attribution.outlet == "daily-beast"
    assert words["content"].startswith("“Russia") and words["content"].endswith("ISIS.”") and attribution.direct


def test_weiss_and_hassan_with_the_work(reference):
    attribution, words = _with(reference, "intervened objectively on the side of ISIS")
    assert attribution.speakers == ("new.michael-weiss", "new.hassan-hassan")
    assert attribution.work == "ISIS: Inside the Army of Terror" and attribution.direct


def test_the_rebel_commander_across_three_sentences(reference):
    attribution, words = _with(reference, "You look to the right")
    assert words["source"] == "one rebel commander" and words["cue"] == "put it"  # "commanderput it": cut
    assert words["content"].startswith("“You look") and words["content"].endswith("caught in a pincer.”")
    assert attribution.source_kind == "unnamed" and attribution.speakers == ("syr.reb",)


def test_the_rebel_spokesman_to_the_new_york_times(reference):
    attribution, words = _with(reference, "never this blatant")
    assert words["content"] == "“It was never this blatant.”" and attribution.outlet == "new-york-times"
    assert attribution.source_kind == "unnamed" and attribution.speakers == ("syr.reb",)


def test_the_us_embassy_declares_and_notes(reference):
    declared, words = _with(reference, "aiding extremists")
    assert words["content"] == "The regime is “aiding extremists against [the] Syrian population”"
    assert words["source"] == "the Twitter account of the U.S. Embassy in Syria"  # account of X is X
    assert declared.speakers == ("usa.embassy-syr",) and declared.cue_lemma == "declare"
    noted, words = _with(reference, "bolster their position")
    assert words["content"] == "“but actively seeking to bolster their position.”" and noted.cue_lemma == "note"
    assert noted.speakers == ("usa.embassy-syr",)


def test_assad_said_a_terrorist_revolt(reference):
    attribution, words = _with(reference, "terrorist revolt")
    assert words == {"content": "it was a terrorist revolt", "source": "Assad", "cue": "said"}
    assert attribution.speakers == ("person.bashar-al-assad",) and not attribution.direct


def test_the_unnamed_reports(reference):
    for place in ("Kuweris airbase", "north of Aleppo"):
        attribution, words = _with(reference, place)
        assert attribution.source_kind == "unnamed" and words["source"].endswith("reports")


def test_the_headline(reference):
    attribution, words = _with(reference, "Syria Is Buying Oil")
    assert words == {"content": "Syria Is Buying Oil From Islamic State", "source": "U.S.", "cue": "Says"}
    assert attribution.headline and attribution.speakers == ("usa",)


def test_scare_quotes(reference):
    text, found = reference
    scare = {text[a.content[0] : a.content[1]] for a in found if a.source_kind == "scare_quote"}
    assert {"“deconfliction”", "“Great Power”", "“conspiracy theory”"} <= scare
    assert all(a.source is None and a.speakers == () for a in found if a.source_kind == "scare_quote")


SENTENCES = [
    ('"We will not retreat from the city," the commander said.',
     '"We will not retreat from the city,"', "the commander", "said", True),
    ("“We will not retreat,” the commander said.", "“We will not retreat,”", "the commander", "said", True),
    ('The general said: "Our forces took the airport. The enemy has fled."',
     '"Our forces took the airport. The enemy has fled."', "The general", "said", True),
    ("According to local officials, twelve civilians were killed in the strike.",
     "twelve civilians were killed in the strike", "local officials", "According to", False),
    ("Twelve civilians were killed in the strike, according to the Syrian Observatory for Human Rights.",
     "Twelve civilians were killed in the strike", "the Syrian Observatory for Human Rights", "according to", False),
    ("In the words of one Ukrainian officer, “the front has not moved in a month.”",
     "“the front has not moved in a month.”", "one Ukrainian officer", "In the words of", True),
    ("The attack, the ministry noted, was the deadliest this year.",
     "The attack, the ministry noted, was the deadliest this year", "the ministry", "noted", False),
    ("Moscow denied that its jets had bombed the hospital.",
     "its jets had bombed the hospital", "Moscow", "denied", False),
    ("Officials said the rebels had withdrawn from the town.",
     "the rebels had withdrawn from the town", "Officials", "said", False),
    ("Israel accused Hezbollah of firing rockets at Haifa.",
     "Hezbollah of firing rockets at Haifa", "Israel", "accused", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "content", "source", "cue", "direct"), SENTENCES)
def test_constructions(pipeline, text, content, source, cue, direct):
    found = find_attributions(_doc(pipeline, text))
    assert len(found) == 1
    assert _read(text, found[0]) == {"content": content, "source": source, "cue": cue}
    assert found[0].direct is direct


def test_unnamed_officials_keep_their_group(pipeline):
    text = "Russian officials said the rebels had withdrawn from the town."
    (attribution,) = find_attributions(_doc(pipeline, text))
    assert attribution.source_kind == "unnamed" and attribution.speakers == ("rus",)


def test_outlet_told_reuters(pipeline):
    text = "“The ceasefire is over,” a Hamas spokesman told Reuters."
    (attribution,) = find_attributions(_doc(pipeline, text))
    assert attribution.outlet == "reuters" and attribution.speakers == ("hamas",)
    assert attribution.source_kind == "unnamed" and attribution.cue_lemma == "tell"


def test_pronoun_speaker_is_the_last_person(pipeline):
    text = "Vladimir Putin arrived in Tehran on Monday. He said the talks had been useful."
    (attribution,) = find_attributions(_doc(pipeline, text))
    assert _read(text, attribution)["source"] == "He" and attribution.speakers == ("person.vladimir-putin",)


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin met Barack Obama in Moscow. He said the sanctions had failed.",
        "Vladimir Putin criticized Barack Obama on Monday. He said the sanctions had failed.",
    ],
)
def test_pronoun_speaker_is_the_subject_not_the_nearest_name(pipeline, text):
    attribution = next(a for a in find_attributions(_doc(pipeline, text)) if _read(text, a)["source"] == "He")
    assert attribution.speakers == ("person.vladimir-putin",)


def test_headline_claims(pipeline):
    text = "Russia Claims Ukrainian Drones Hit Oil Depot\n\nThe depot burned for two days."
    (attribution,) = find_attributions(_doc(pipeline, text))
    assert _read(text, attribution) == {
        "content": "Ukrainian Drones Hit Oil Depot",
        "source": "Russia",
        "cue": "Claims",
    }
    assert attribution.headline and attribution.cue_lemma == "claim" and attribution.speakers == ("rus",)


def test_a_quote_split_by_its_cue_is_one_content(pipeline):
    text = "“We hold the bridge,” said the commander. “The enemy has lost many men in the attack.”"
    (attribution,) = find_attributions(_doc(pipeline, text))
    assert _read(text, attribution)["content"] == "“We hold the bridge,”"
    assert [text[s:e] for s, e in attribution.more] == ["“The enemy has lost many men in the attack.”"]


def test_a_quote_continues_its_speaker(pipeline):
    # a quote on the next line, with no cue of its own, is a further part of the speaker's content
    text = "“We hold the bridge,” said the commander.\n“The enemy has lost many men in the attack.”"
    (attribution,) = find_attributions(_doc(pipeline, text))
    assert _read(text, attribution)["source"] == "the commander"
    assert [text[s:e] for s, e in attribution.more] == ["“The enemy has lost many men in the attack.”"]
    claims = _doc(pipeline, text)._.warlog_claims
    assert [text[c.content[0] : c.content[1]] for c in claims] == [
        "“We hold the bridge,”",
        "“The enemy has lost many men in the attack.”",
    ]
    assert claims[1].speakers == claims[0].speakers


def test_the_finder_keeps_a_claim_per_part(pipeline):
    text = "“We hold the bridge,” said the commander. “The enemy has lost many men in the attack.”"
    claims = _doc(pipeline, text)._.warlog_claims
    assert [text[c.content[0] : c.content[1]] for c in claims][:2] == [
        "“We hold the bridge,”",
        "“The enemy has lost many men in the attack.”",
    ]


JUDGING = [
    ("The senator praised the mayor's handling of the flood.", "the mayor's handling of the flood", "praised"),
    ("The governor criticized the minister for his silence on the strike.",
     "the minister for his silence on the strike", "criticized"),
    ("The general refused to withdraw his troops from the valley.", "to withdraw his troops from the valley",
     "refused"),
    ("The envoy called the truce a fragile first step.", "the truce a fragile first step", "called"),
    ("The spokesman pointed to the shelling of the market.", "the shelling of the market", "pointed to"),
    ("The ministry rejected the charges of fraud.", "the charges of fraud", "rejected"),
    ("A new poll shows the senator ahead by six points.", "the senator ahead by six points", "shows"),
    ("The minister thanked the rescue teams for their work.", "the rescue teams for their work", "thanked"),
    ("The governor called for all parties to return to the table.", "all parties to return to the table",
     "called for"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "content", "cue"), JUDGING)
def test_verbs_of_judging_take_what_they_govern(pipeline, text, content, cue):
    (attribution,) = find_attributions(_doc(pipeline, text))
    assert _read(text, attribution)["content"] == content and _read(text, attribution)["cue"] == cue


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("It was reported that the convoy had been shelled twice.", None, "the convoy had been shelled twice"),
        ("It was announced by the ministry that the border would close.", "the ministry", "the border would close"),
    ],
)
def test_a_passive_reporting_verb_with_a_clause(pipeline, text, source, content):
    (attribution,) = find_attributions(_doc(pipeline, text))
    assert _read(text, attribution)["source"] == source and _read(text, attribution)["content"] == content


def test_no_judge_no_attribution(pipeline):
    assert find_attributions(_doc(pipeline, "The article used such words to describe every rebel group.")) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The ministry has also said the convoy was hit twice.", "has also said"),
        ("The convoy was hit twice, the ministry said in a statement on Sunday.", "said in a statement on Sunday"),
        ("The ministry did not deny that the convoy was hit.", "did not deny"),
    ],
)
def test_cue_words_hold_auxiliaries_and_the_trailing_phrase(pipeline, text, words):
    (attribution,) = find_attributions(_doc(pipeline, text))
    assert text[attribution.cue_words[0] : attribution.cue_words[1]] == words


def test_a_sentence_the_parse_joins_across_paragraphs_is_cut_at_the_break(pipeline):
    text = "“Nobody doubted a word.”\n\nDespite the dispute, the mayor said if elected he would reopen the bridge."
    found = find_attributions(_doc(pipeline, text))
    contents = [_read(text, a)["content"] for a in found if a.cue is not None]
    assert "if elected he would reopen the bridge" in contents


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "Jens Stoltenberg: the ceasefire will not hold.\n\nFighting resumed on Monday.",
            "Jens Stoltenberg",
            "the ceasefire will not hold.",
        ),
        ("Poll: most voters back the treaty.\n\nThe survey asked 900 people.", "Poll", "most voters back the treaty."),
        ("HARPER: We never agreed to that.\nHOST: Then what did you agree to?", "HARPER", "We never agreed to that."),
    ],
)
def test_a_speaker_and_a_colon_open_a_title_or_a_line(pipeline, text, source, content):
    found = find_attributions(_doc(pipeline, text))
    assert any(_read(text, a)["source"] == source and _read(text, a)["content"] == content for a in found)


@pytest.mark.parametrize(
    "text",
    ["The Latest: rebels shell the port.\n\nShelling went on all night.", "Update: the port closed.\n\nNo ship left."],
)
def test_a_rubric_and_a_colon_is_no_speaker(pipeline, text):
    assert not [a for a in find_attributions(_doc(pipeline, text)) if a.headline]


def test_the_author_writing_nothing_is_no_attribution(pipeline):
    assert find_attributions(_doc(pipeline, "In one of the first things I wrote on this blog I was wrong.")) == []


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said "yes" and "no".', ['"yes"', '"no"']),
        ("killed by “Daesh terrorists“.", ["“Daesh terrorists“"]),
        ("“One. Two.\nThree.”", ["“One. Two."]),  # unclosed at the line end; a closing mark alone opens nothing
        ('"Outer “inner” outer"', ['"Outer “inner” outer"']),
        ("''It rained all week,'' the mayor said; it isn't.", ["''It rained all week,''"]),  # doubled apostrophes
    ],
)
def test_find_quotes(text, quoted):
    assert [text[s:e] for s, e in find_quotes(text)] == quoted


def test_a_quote_in_doubled_apostrophes_is_attributed(pipeline):
    text = "''The bridge will reopen in May,'' the mayor said on Monday."
    found = find_attributions(_doc(pipeline, text))
    assert [(text[slice(*a.content)], text[slice(*a.source)]) for a in found if a.source] == [
        ("''The bridge will reopen in May,''", "the mayor")
    ]


def test_headline_lines():
    text = "U.S. Says Syria Is Buying Oil\n\nThe regime says it is not. It is buying oil.\nA Short Title Here"
    assert [text[s:e] for s, e in headline_lines(text)] == ["U.S. Says Syria Is Buying Oil", "A Short Title Here"]


def test_cue_pack_errors_name_the_line(tmp_path):
    path = tmp_path / "cues.yaml"
    path.write_text("pack: cues\nversion: '1'\nverbs:\n  - {lemma: say, kind: shout}\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"cues.yaml:4: verbs.0.kind"):
        CuePack.read(path)
    path.write_text("pack: cues\nversion: '1'\nverbs:\n  - {lemma: say, kind: report}\n  - {lemma: say, kind: claim}\n")
    with pytest.raises(PackError, match="listed twice: say"):
        CuePack.read(path)


def test_the_builtin_pack():
    pack = CuePack.load()
    assert pack.verb("claim").kind == "claim" and pack.verb("deny").kind == "deny" and pack.verb("walk") is None
    assert pack.headline_forms()["says"].lemma == "say" and pack.headline_forms()["denies"].lemma == "deny"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Governor Smith wants to close the old bridge.", [("Governor Smith", "wants", "to close the old bridge")]),
        ("Officials fear that the river will flood again.", [("Officials", "fear", "the river will flood again")]),
        (
            "Senator Okafor wondered whether the truce would last.",
            [("Senator Okafor", "wondered", "whether the truce would last")],
        ),
        ("I want to close the old bridge.", []),  # the author's wish is no one's report
        ("The mayor knows the answer.", []),  # a belief verb attributes a clause, not an object
    ],
)
def test_verbs_of_belief_need_a_clause_and_someone_who_holds_it(pipeline, text, expected):
    found = find_attributions(_doc(pipeline, text))
    assert [(text[slice(*a.source)], text[slice(*a.cue)], text[slice(*a.content)]) for a in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senator Jones was asked about the new tax on Monday.", ("asked about", "the new tax")),
        ("Senator Jones spoke about the drought.", ("spoke about", "the drought")),
        ("Senator Jones supports the farm bill.", ("supports", "the farm bill")),
    ],
)
def test_asking_speaking_and_taking_sides(pipeline, text, expected):
    found = find_attributions(_doc(pipeline, text))
    assert [(text[slice(*a.cue)], text[slice(*a.content)]) for a in found] == [expected]


@pytest.mark.parametrize(
    ("text", "cue", "parts"),
    [
        ("The ceasefire seems to hold in the north.", "seems", ["The ceasefire", "to hold in the north"]),
        ("The new budget is expected to pass next week.", "is expected", ["The new budget", "to pass next week"]),
        ("The governor is said to favor a recount.", "is said", ["The governor", "to favor a recount"]),
    ],
)
def test_a_subject_and_its_infinitive_are_said_by_no_one(pipeline, text, cue, parts):
    (found,) = find_attributions(_doc(pipeline, text))
    assert found.source is None and text[slice(*found.cue_words)] == cue
    assert [text[slice(*span)] for span in (found.content, *found.more)] == parts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mayor Alvarez is hoping to reopen the bridge by June.", ("hope", "to reopen the bridge by June")),
        ("The council urged residents to stay indoors.", ("urge", "residents to stay indoors")),
        ("The union considers the offer an insult.", ("consider", "the offer an insult")),
    ],
)
def test_verbs_of_wanting_urging_and_judging(pipeline, text, expected):
    found = find_attributions(_doc(pipeline, text))
    assert [(a.cue_lemma, text[slice(*a.content)]) for a in found] == [expected]


def test_it_seems_is_the_authors_aside(pipeline):
    text = "It seems that the rebels now claim to hold the pass."
    assert [a.cue_lemma for a in find_attributions(_doc(pipeline, text))] == ["claim"]


def test_a_word_form_the_tagger_lemmatizes_wrongly_finds_its_verb():
    pack = CuePack.load()
    assert pack.verb("hop", form="hoping").lemma == "hope" and pack.verb("hop", form="hop") is None


def test_nobody_takes_no_side(pipeline):
    text = "If the vote is a choice between two evils, nobody can support either."
    assert find_attributions(_doc(pipeline, text)) == []


def test_what_is_said_when_the_parser_took_it_for_an_object(pipeline):
    # the small model parses "says the ... movement" as an object and hangs the clause's verb under it
    text = "John Smith says the populist movement sweeping the country appeals to anger."
    found = [_read(text, a) for a in find_attributions(_doc(pipeline, text))]
    assert found == [{
        "content": "the populist movement sweeping the country appeals to anger",
        "source": "John Smith", "cue": "says",
    }]  # fmt: skip


@pytest.mark.parametrize("text", ["She said a prayer for the victims who died.", "He said the words."])
def test_a_thing_said_is_no_content(pipeline, text):
    assert not find_attributions(_doc(pipeline, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("As the Herald reported, the mayor signed the order on Monday.",
         ("the Herald", "the mayor signed the order on Monday")),
        ("The trend is clear: according to a new survey, most farmers now oppose the levy.",
         ("a new survey", "most farmers now oppose the levy")),
        ("On Tuesday, the governor criticized his handling of the flood.",
         ("the governor", "his handling of the flood")),
        ("The talks have failed, officials said.", ("officials", "The talks have failed")),
    ],
)  # fmt: skip
def test_what_an_aside_says_and_what_only_sets_its_scene(pipeline, text, expected):
    found = find_attributions(_doc(pipeline, text))
    assert [(text[slice(*a.source)], text[slice(*a.content)]) for a in found] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The senator's criticism of the new levy drew a sharp reply.",
            [("The senator", "criticism of", "the new levy")],
        ),
        ("The rebels' call for a ceasefire went unanswered.", [("The rebels", "call for", "a ceasefire")]),
        ("Support for the farm bill grew over the summer.", []),  # no one holds it
    ],
)
def test_a_noun_of_taking_sides_with_an_owner(pipeline, text, expected):
    found = find_attributions(_doc(pipeline, text))
    assert [(text[slice(*a.source)], text[slice(*a.cue)], text[slice(*a.content)]) for a in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mayor Alvarez is eager to settle the dispute.", [("Mayor Alvarez", "is eager", "to settle the dispute")]),
        ("Senator Okafor was critical of the new levy.", [("Senator Okafor", "was critical of", "the new levy")]),
        ("The road is ready to open.", []),  # a road holds no view
    ],
)
def test_an_adjective_of_attitude_after_a_copula(pipeline, text, expected):
    found = find_attributions(_doc(pipeline, text))
    assert [(text[slice(*a.source)], text[slice(*a.cue_words)], text[slice(*a.content)]) for a in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In a new poll, the senator leads the mayor by six points.",
         [("a new poll", "In", "the senator leads the mayor by six points")]),
        ("In the report, the ministry said the convoy was hit.", [("the ministry", "said", "the convoy was hit")]),
    ],
)  # fmt: skip
def test_a_fronted_poll_holds_its_sentence_unless_a_cue_has_a_source(pipeline, text, expected):
    found = find_attributions(_doc(pipeline, text))
    assert [(text[slice(*a.source)], text[slice(*a.cue)], text[slice(*a.content)]) for a in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senator Okafor is backing the mayor.", [("Senator Okafor", "is backing", "the mayor")]),
        ("Governor Lund apologized for his remarks on the strike.",
         [("Governor Lund", "apologized for", "his remarks on the strike")]),
        ("Half of the farmers backed the new levy.", [("Half of the farmers", "backed", "the new levy")]),
        ("The storm ignored the forecast.", []),  # a storm takes no side
        ("The minister backed out, officials said.", [("officials", "said", "The minister backed out")]),
    ],
)  # fmt: skip
def test_an_act_of_taking_sides_takes_only_what_it_governs(pipeline, text, expected):
    found = find_attributions(_doc(pipeline, text))
    assert [(text[slice(*a.source)], text[slice(*a.cue_words)], text[slice(*a.content)]) for a in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“The harvest failed twice,” the farmer retorted.",
         [("the farmer", "retorted", "“The harvest failed twice,”")]),
        ("The senator dubbed the plan a gift to landlords.",
         [("The senator", "dubbed", "the plan a gift to landlords")]),
        ("Okonkwo notes, “The harvest failed twice.”", [("Okonkwo", "notes", "“The harvest failed twice.”")]),
        ("Senator Lund wants a new subsidy.", [("Senator Lund", "wants", "a new subsidy")]),
        ("Half of the voters want a new subsidy.", [("Half of the voters", "want", "a new subsidy")]),
        ("She sees the bridge as a priority.", [("She", "sees", "the bridge as a priority")]),
        ("The river wants a new bridge.", []),  # a river wants nothing
        ("Half of the farmers said so.", [("Half of the farmers", "said", "so")]),
        ("Lund said the same of the mayor.", [("Lund", "said", "the same of the mayor")]),
    ],
)  # fmt: skip
def test_speech_verbs_named_speakers_things_wanted_and_words_said(pipeline, text, expected):
    found = find_attributions(_doc(pipeline, text))
    assert [(text[slice(*a.source)], text[slice(*a.cue_words)], text[slice(*a.content)]) for a in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9:30 p.m.\n\nGovernor Lund says the bridge will reopen on Monday.",
         [("Governor Lund", "says", "the bridge will reopen on Monday")]),  # the time stamp is no speaker
        ("The mayor's announcement of a new tax angered the farmers.",
         [("The mayor", "announcement of", "a new tax")]),
        ("“We will rebuild,” Okafor affirmed.", [("Okafor", "affirmed", "“We will rebuild,”")]),
    ],
)  # fmt: skip
def test_a_source_stays_on_its_cue_line_and_more_cue_words(pipeline, text, expected):
    found = find_attributions(_doc(pipeline, text))
    assert [
        (text[slice(*a.source)], text[slice(*a.cue_words or a.cue)], text[slice(*a.content)]) for a in found
    ] == expected


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("“Very good harvest, very good harvest this year,” Lund, the county's farm commissioner, said at the fair.",
         "Lund, the county's farm commissioner", "“Very good harvest, very good harvest this year,”"),
        ("“Taxes are high,” Lund, the mayor, said.", "Lund, the mayor", None),
    ],
)  # fmt: skip
def test_the_speaker_after_a_quote_is_not_the_quotes_words(pipeline, text, source, content):
    (attribution,) = find_attributions(_doc(pipeline, text))
    assert _read(text, attribution)["source"] == source
    assert content is None or _read(text, attribution)["content"] == content


LIGHT_AND_COLON = [
    ("The governor made the case that the new tax would hurt farmers.",
     "the new tax would hurt farmers", "The governor", "made the case"),
    ("The senator has no idea whether the bill will pass.", "whether the bill will pass", "The senator", "has no idea"),
    ("Union leaders raised the question of whether the plant would close.",
     "whether the plant would close", "Union leaders", "raised the question of"),
    ("The mayor expressed concern that the old bridge was unsafe.",
     "the old bridge was unsafe", "The mayor", "expressed concern"),
    ("The council took issue with the budget cuts.", "the budget cuts", "The council", "took issue with"),
    ("She made it clear that she would not run again.", "she would not run again", "She", "made it clear"),
    ("The governor has taken a firm stance against the new pipeline.",
     "the new pipeline", "The governor", "taken a firm stance against"),
    ("Here is Senator Lund in 1992: “We will never raise taxes on working families.”",
     "“We will never raise taxes on working families.”", "Senator Lund", ":"),
    ("The mayor's answer: “We will rebuild the bridge next year.”",
     "“We will rebuild the bridge next year.”", "The mayor", "answer"),
    ("Pollster Jane Roe: “Turnout will decide this race.”",
     "“Turnout will decide this race.”", "Pollster Jane Roe", ":"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "content", "source", "cue"), LIGHT_AND_COLON)
def test_light_verbs_and_colons(pipeline, text, content, source, cue):
    (attribution,) = find_attributions(_doc(pipeline, text))
    assert _read(text, attribution) == {"content": content, "source": source, "cue": cue}


@pytest.mark.parametrize("text", [
    "The vote raised the question of whether the plant would close.",  # a thing raises no question of its own
    "The senator has the support of the unions.",  # the unions hold the support, not the senator
    "Here is the problem: “It costs too much.”",  # a thing before the colon says nothing
])  # fmt: skip
def test_light_verbs_and_colons_need_a_holder(pipeline, text):
    assert all(a.source is None for a in find_attributions(_doc(pipeline, text)))


def test_quoted_transcript_lines_have_their_speakers(pipeline):
    text = 'Transcript follows:\n\n"JONES: Thank you for coming, senator.\n\n"SMITH: Well, the budget is a disgrace.'
    found = [_read(text, a) for a in find_attributions(_doc(pipeline, text))]
    assert {"content": "Well, the budget is a disgrace.", "source": "SMITH", "cue": ":"} in found
    assert {"content": "Thank you for coming, senator.", "source": "JONES", "cue": ":"} in found


def test_a_quote_that_ends_its_own_sentence_is_not_the_next_cues(pipeline):
    text = "Governor Lund called the plan “reckless.” Senator Okafor called the budget “cruel and careless.”"
    second = find_attributions(_doc(pipeline, text))[-1]
    assert _read(text, second)["source"] == "Senator Okafor"
    assert "cruel and careless" in _read(text, second)["content"]


def test_coordinated_reporting_verbs_keep_their_own_contents(pipeline):
    text = "The mayor noted that she had run the port for a decade, and added: “I know how it works.”"
    found = [_read(text, a) for a in find_attributions(_doc(pipeline, text))]
    assert [(a["cue"], a["content"]) for a in found] == [
        ("noted", "she had run the port for a decade"),
        ("added", "“I know how it works.”"),
    ]


def test_a_that_clause_hung_on_a_noun_of_the_verbs_phrase(pipeline):
    # the parse may take "that the dam could open ..." for a relative clause of a noun of the phrase
    text = "Lund told farmers at a market in Tarvo last week that the dam could open in March."
    found = [_read(text, a)["content"] for a in find_attributions(_doc(pipeline, text))]
    assert any(c.startswith("the dam could open in March") for c in found), found


STANCE = [
    ("Senator Okafor lambasted the governor's budget.", "lambasted", "the governor's budget"),
    ("Mayor Lund sided with the striking nurses.", "sided with", "the striking nurses"),
    ("Ms. Okafor vouched for the candidate.", "vouched for", "the candidate"),
    ("They balked at the new contract.", "balked at", "the new contract"),
    ("Governor Lund outlined her plan for the port.", "outlined", "her plan for the port"),
    ("She rebuffed the offer from the opposition.", "rebuffed", "the offer from the opposition"),
]


@pytest.mark.parametrize(("text", "cue", "content"), STANCE)
def test_verbs_of_stance_attribute_what_they_govern(pipeline, text, cue, content):
    (attribution,) = find_attributions(_doc(pipeline, text))
    assert _read(text, attribution)["content"] == content
    assert text[attribution.cue_words[0] : attribution.cue_words[1]] == cue


def test_a_verb_of_stance_needs_someone_who_holds_a_view(pipeline):
    assert find_attributions(_doc(pipeline, "The new contract outlined the hours of the night shift.")) == []


def test_a_cue_set_off_inside_its_sentence_keeps_the_sentence(pipeline):
    text = "In the end, Okafor said, the council had no choice but to sell the port."
    (attribution,) = find_attributions(_doc(pipeline, text))
    assert _read(text, attribution)["source"] == "Okafor" and _read(text, attribution)["cue"] == "said"
    assert _read(text, attribution)["content"].endswith("no choice but to sell the port")


def test_a_noun_that_a_who_clause_tells_for_a_person_holds_intentions(pipeline):
    text = "Farmers who wanted to sell their land lost the most."
    (attribution,) = find_attributions(_doc(pipeline, text))
    assert _read(text, attribution)["content"] == "to sell their land"
    assert find_attributions(_doc(pipeline, "Plans that wanted to sell the land early were dropped.")) == []


PARSE_SLIPS = [
    # a finite verb the parse took for an infinitive of "say"
    (
        "The council cut the budget, which they say left the clinics without staff.",
        "they",
        "left the clinics without staff",
    ),
    # a gerund subject whose own verb the parse hung under it
    (
        "He said closing the mine could put hundreds out of work.",
        "He",
        "closing the mine could put hundreds out of work",
    ),
    # a subject the parse gave to a fronted phrase
    (
        "Alarmed by the floods in Zemla, Senator Anna Lund, the party's leader, said that she spoke with the mayor.",
        "Senator Anna Lund, the party's leader",
        "she spoke with the mayor",
    ),
    # the speaker of a verb after "after", "before", "by"
    ("Mr. Okafor, after first saying he would not run, entered the race in May.", "Mr. Okafor", "he would not run"),
]


@pytest.mark.parametrize(("text", "source", "content"), PARSE_SLIPS)
def test_reports_the_parse_slips_on(pipeline, text, source, content):
    found = [_read(text, a) for a in find_attributions(_doc(pipeline, text))]
    assert {"source": source, "content": content} in [{"source": a["source"], "content": a["content"]} for a in found]


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The governor complained about the new tariffs.", "complained about", "the new tariffs"),
    ("Senator Okafor warned against a hasty withdrawal.", "warned against", "a hasty withdrawal"),
    ("She speculated about the timing of the vote.", "speculated about", "the timing of the vote"),
])  # fmt: skip
def test_a_reporting_verbs_preposition_opens_what_is_said(pipeline, text, cue, content):
    (attribution,) = find_attributions(_doc(pipeline, text))
    assert _read(text, attribution)["content"] == content
    assert text[attribution.cue[0] : attribution.cue[1]] == cue


def test_an_interviews_questions_and_answers(pipeline):
    text = "Talking with the mayor\n\nQ: How did the first year go?\n\nA: The city stood with me through the floods."
    found = {_read(text, a)["source"]: _read(text, a)["content"] for a in find_attributions(_doc(pipeline, text))}
    assert found["Q"] == "How did the first year go?"
    assert found["A"].startswith("The city stood with me")


def test_a_nouns_that_clause_is_what_its_owner_holds(pipeline):
    text = "Few in Tarvo believed the minister's claim that the port is safe."
    found = [_read(text, a) for a in find_attributions(_doc(pipeline, text))]
    assert {"content": "the port is safe", "source": "the minister", "cue": "claim"} in found


@pytest.mark.parametrize("text", [
    "The mayor called off the talks with the union.",  # "call off" is to cancel
    "Call it a retreat or a regrouping, the army left Zemla.",  # the author's imperative
])  # fmt: skip
def test_not_a_report(pipeline, text):
    assert [a for a in find_attributions(_doc(pipeline, text)) if a.cue_lemma == "call"] == []


def test_a_relative_clause_is_no_aside(pipeline):
    text = (
        "Lund has said that the treaty puts Tarvo at risk from Belgara, whose leaders have called for the"
        " closing of the border."
    )
    found = {_read(text, a)["cue"]: _read(text, a)["content"] for a in find_attributions(_doc(pipeline, text))}
    assert found["said"].startswith("the treaty puts Tarvo at risk")


def test_a_cue_inside_a_quote_is_the_quotes_speakers(pipeline):
    # a quote whose speaker is not found is attributed whole, not to the "I" or "they" inside it
    text = (
        "The harbour was quiet on Monday.\n\n"
        "“I think the port will reopen by May, and they told us the ministry will pay.”"
    )
    found = [_read(text, a) for a in find_attributions(_doc(pipeline, text))]
    assert all(a["source"] not in ("I", "they") for a in found)
    assert any(a["content"].startswith("“I think the port will reopen") for a in found)
