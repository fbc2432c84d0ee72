"""The actor linker on hand-built parses: a blank pipeline, a test pack and a tiny gazetteer (no model).

Each parse is written as CoNLL-U-like rows, `ID FORM LEMMA UPOS XPOS HEAD DEPREL NER` (HEAD 1-based, 0 for
the root; NER in IOB), as the small English parser would give them for the sentence in the comment.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from warlog.actors.kb import KnowledgeBase
from warlog.actors.linker import ActorLinker
from warlog.geo import Gazetteer, GeoName
from warlog.pipeline import register_components

PACK = Path(__file__).parent / "fixtures" / "linker" / "actors.yaml"
NO_SPACE_BEFORE = frozenset({".", ",", "'s", "’s", ")"})


def geoname(id_: str, name: str, country: str, lat: float, lon: float, population: int) -> GeoName:
    return GeoName(id_, name, country, lat, lon, feature="city", precision=1, population=population)


# Palmyra, USA is given the larger population on purpose: without a context country it wins, so only
# the context can pick the Syrian one.
PLACES = [
    geoname("gn.aleppo", "Aleppo", "SYR", 36.20, 37.16, 1_602_264),
    geoname("gn.palmyra-syr", "Palmyra", "SYR", 34.56, 38.28, 51_323),
    geoname("gn.palmyra-usa", "Palmyra", "USA", 43.06, -77.23, 3_000_000),
    geoname("gn.moscow", "Moscow", "RUS", 55.75, 37.62, 10_381_222),
]


@pytest.fixture(scope="module")
def linker() -> ActorLinker:
    register_components()
    nlp = spacy.blank("en")
    gazetteer = Gazetteer([(place.name, place) for place in PLACES], version="test@1")
    return nlp.add_pipe("warlog_actor_linker").bind(KnowledgeBase.from_packs([PACK]), gazetteer)


def parse(vocab, rows: str) -> Doc:
    """A Doc from CoNLL-U-like rows (see the module docstring)."""
    table = [line.split() for line in textwrap.dedent(rows).strip().splitlines()]
    words = [row[1] for row in table]
    spaces = [i + 1 < len(words) and words[i + 1] not in NO_SPACE_BEFORE for i in range(len(words))]
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        lemmas=[row[2] for row in table],
        pos=[row[3] for row in table],
        tags=[row[4] for row in table],
        heads=[int(row[5]) - 1 if row[5] != "0" else i for i, row in enumerate(table)],
        deps=[row[6] for row in table],
        ents=[row[7] for row in table],
    )


def link(linker: ActorLinker, rows: str) -> Doc:
    return linker(parse(linker.nlp.vocab, rows))


def resolved(doc: Doc) -> list[tuple[str, str]]:
    """(surface text, actor id) for actors; (surface text, "place:<gazetteer id>") for known places and
    (surface text, "place") for places the gazetteer does not know."""
    found = [(m.text, m.actor.id) for m in doc._.warlog_actors]
    found += [(m.name, "place" if m.place is None else f"place:{m.place.id}") for m in doc._.warlog_places]
    return sorted(found)


CASES = [
    pytest.param(
        # I.S. claimed the attack.
        """
        1 I.S.    I.S.    PROPN NNP 2 nsubj B-ORG
        2 claimed claim   VERB  VBD 0 ROOT  O
        3 the     the     DET   DT  4 det   O
        4 attack  attack  NOUN  NN  2 dobj  O
        5 .       .       PUNCT .   2 punct O
        """,
        {"I.S.": "isil"},
        id="alias-dotted-acronym",
    ),
    pytest.param(
        # U.S. jets struck I.S. targets.
        """
        1 U.S.    U.S.    PROPN NNP 2 compound B-GPE
        2 jets    jet     NOUN  NNS 3 nsubj    O
        3 struck  strike  VERB  VBD 0 ROOT     O
        4 I.S.    I.S.    PROPN NNP 5 compound B-ORG
        5 targets target  NOUN  NNS 3 dobj     O
        6 .       .       PUNCT .   3 punct    O
        """,
        {"U.S. jets": "usa.mil", "I.S.": "isil"},
        id="alias-acronym-modifiers",
    ),
    pytest.param(
        # Daesh fighters attacked the Syrian army.
        """
        1 Daesh    Daesh    PROPN NNP 2 compound O
        2 fighters fighter  NOUN  NNS 3 nsubj    O
        3 attacked attack   VERB  VBD 0 ROOT     O
        4 the      the      DET   DT  6 det      O
        5 Syrian   syrian   ADJ   JJ  6 amod     B-NORP
        6 army     army     NOUN  NN  3 dobj     O
        7 .        .        PUNCT .   3 punct    O
        """,
        {"Daesh": "isil", "Syrian army": "syr.mil"},
        id="alias-longest-match-and-group-members",
    ),
    pytest.param(
        # IS told us the siege is over.
        """
        1 IS    IS    PROPN NNP 2 nsubj  B-ORG
        2 told  tell  VERB  VBD 0 ROOT   O
        3 us    we    PRON  PRP 2 dative O
        4 the   the   DET   DT  5 det    O
        5 siege siege NOUN  NN  6 nsubj  O
        6 is    be    AUX   VBZ 2 ccomp  O
        7 over  over  ADV   RB  6 advmod O
        8 .     .     PUNCT .   2 punct  O
        """,
        {"IS": "isil"},
        id="is-is-not-IS-and-us-is-not-US",
    ),
    pytest.param(
        # Moscow targeted the rebels near Aleppo.
        """
        1 Moscow   Moscow PROPN NNP 2 nsubj B-GPE
        2 targeted target VERB  VBD 0 ROOT  O
        3 the      the    DET   DT  4 det   O
        4 rebels   rebel  NOUN  NNS 2 dobj  O
        5 near     near   ADP   IN  2 prep  O
        6 Aleppo   Aleppo PROPN NNP 5 pobj  B-GPE
        7 .        .      PUNCT .   2 punct O
        """,
        {"Moscow": "rus", "rebels": "syr.reb", "Aleppo": "place:gn.aleppo"},
        id="capital-metonym-acting",
    ),
    pytest.param(
        # Fighting spread in Moscow.
        """
        1 Fighting fighting NOUN  NN  2 nsubj O
        2 spread   spread   VERB  VBD 0 ROOT  O
        3 in       in       ADP   IN  2 prep  O
        4 Moscow   Moscow   PROPN NNP 3 pobj  B-GPE
        5 .        .        PUNCT .   2 punct O
        """,
        {"Moscow": "place:gn.moscow"},
        id="capital-metonym-place",
    ),
    pytest.param(
        # Syria rejected the proposal.
        """
        1 Syria    Syria    PROPN NNP 2 nsubj B-GPE
        2 rejected reject   VERB  VBD 0 ROOT  O
        3 the      the      DET   DT  4 det   O
        4 proposal proposal NOUN  NN  2 dobj  O
        5 .        .        PUNCT .   2 punct O
        """,
        {"Syria": "syr"},
        id="country-acting",
    ),
    pytest.param(
        # Fighting continued in Syria.
        """
        1 Fighting  fight    VERB  VBG 2 nsubj O
        2 continued continue VERB  VBD 0 ROOT  O
        3 in        in       ADP   IN  2 prep  O
        4 Syria     Syria    PROPN NNP 3 pobj  B-GPE
        5 .         .        PUNCT .   2 punct O
        """,
        {"Syria": "place"},  # the tiny gazetteer has no countries
        id="country-place",
    ),
    pytest.param(
        # Russian jets bombed Aleppo.
        """
        1 Russian russian ADJ   JJ  2 amod  B-NORP
        2 jets    jet     NOUN  NNS 3 nsubj O
        3 bombed  bomb    VERB  VBD 0 ROOT  O
        4 Aleppo  Aleppo  PROPN NNP 3 dobj  B-GPE
        5 .       .       PUNCT .   3 punct O
        """,
        {"Russian jets": "rus.mil", "Aleppo": "place:gn.aleppo"},
        id="demonym-with-agent",
    ),
    pytest.param(
        # The Russian intervention failed.
        """
        1 The          the          DET   DT  3 det   O
        2 Russian      russian      ADJ   JJ  3 amod  B-NORP
        3 intervention intervention NOUN  NN  4 nsubj O
        4 failed       fail         VERB  VBD 0 ROOT  O
        5 .            .            PUNCT .   4 punct O
        """,
        {"Russian": "rus"},
        id="demonym-alone",
    ),
    pytest.param(
        # Syrian rebels took the town.
        """
        1 Syrian syrian ADJ   JJ  2 amod  B-NORP
        2 rebels rebel  NOUN  NNS 3 nsubj O
        3 took   take   VERB  VBD 0 ROOT  O
        4 the    the    DET   DT  5 det   O
        5 town   town   NOUN  NN  3 dobj  O
        6 .      .      PUNCT .   3 punct O
        """,
        {"Syrian rebels": "syr.reb"},
        id="demonym-scopes-agent",
    ),
    pytest.param(
        # Assad's regime shelled the town.
        """
        1 Assad   Assad  PROPN NNP 3 poss  B-PERSON
        2 's      's     PART  POS 1 case  O
        3 regime  regime NOUN  NN  4 nsubj O
        4 shelled shell  VERB  VBD 0 ROOT  O
        5 the     the    DET   DT  6 det   O
        6 town    town   NOUN  NN  4 dobj  O
        7 .       .      PUNCT .   4 punct O
        """,
        {"Assad's regime": "syr.gov"},
        id="possessor-person-agent",
    ),
    pytest.param(
        # Syria's army withdrew.
        """
        1 Syria    Syria    PROPN NNP 3 poss  B-GPE
        2 's       's       PART  POS 1 case  O
        3 army     army     NOUN  NN  4 nsubj O
        4 withdrew withdraw VERB  VBD 0 ROOT  O
        5 .        .        PUNCT .   4 punct O
        """,
        {"Syria's army": "syr.mil"},
        id="possessor-state-agent",
    ),
    pytest.param(
        # The regime bombed the rebels in Aleppo.
        """
        1 The    the    DET   DT  2 det   O
        2 regime regime NOUN  NN  3 nsubj O
        3 bombed bomb   VERB  VBD 0 ROOT  O
        4 the    the    DET   DT  5 det   O
        5 rebels rebel  NOUN  NNS 3 dobj  O
        6 in     in     ADP   IN  3 prep  O
        7 Aleppo Aleppo PROPN NNP 6 pobj  B-GPE
        8 .      .      PUNCT .   3 punct O
        """,
        {"regime": "syr.gov", "rebels": "syr.reb", "Aleppo": "place:gn.aleppo"},
        id="agents-scoped-to-context-country",
    ),
    pytest.param(
        # The rebels advanced.
        """
        1 The      the     DET   DT  2 det   O
        2 rebels   rebel   NOUN  NNS 3 nsubj O
        3 advanced advance VERB  VBD 0 ROOT  O
        4 .        .       PUNCT .   3 punct O
        """,
        {},
        id="agent-without-context-country",
    ),
    pytest.param(
        # The army struck terrorist targets near Aleppo.
        """
        1 The       the       DET   DT  2 det   O
        2 army      army      NOUN  NN  3 nsubj O
        3 struck    strike    VERB  VBD 0 ROOT  O
        4 terrorist terrorist ADJ   JJ  5 amod  O
        5 targets   target    NOUN  NNS 3 dobj  O
        6 near      near      ADP   IN  3 prep  O
        7 Aleppo    Aleppo    PROPN NNP 6 pobj  B-GPE
        8 .         .         PUNCT .   3 punct O
        """,
        {"army": "syr.mil", "Aleppo": "place:gn.aleppo"},
        id="generic-agent-as-modifier-is-nothing",
    ),
    pytest.param(
        # The army shelled rebel positions near Aleppo.
        """
        1 The       the      DET   DT  2 det      O
        2 army      army     NOUN  NN  3 nsubj    O
        3 shelled   shell    VERB  VBD 0 ROOT     O
        4 rebel     rebel    NOUN  NN  5 compound O
        5 positions position NOUN  NNS 3 dobj     O
        6 near      near     ADP   IN  3 prep     O
        7 Aleppo    Aleppo   PROPN NNP 6 pobj     B-GPE
        8 .         .        PUNCT .   3 punct    O
        """,
        {"army": "syr.mil", "rebel": "syr.reb", "Aleppo": "place:gn.aleppo"},
        id="rebel-as-modifier-is-the-rebels",
    ),
    pytest.param(
        # Hussein Hamedani was killed near Aleppo. Iran mourned Hamedani. Gen. Hamedani led the IRGC in Syria.
        """
        1  Hussein  Hussein  PROPN NNP 2  compound  B-PERSON
        2  Hamedani Hamedani PROPN NNP 4  nsubjpass I-PERSON
        3  was      be       AUX   VBD 4  auxpass   O
        4  killed   kill     VERB  VBN 0  ROOT      O
        5  near     near     ADP   IN  4  prep      O
        6  Aleppo   Aleppo   PROPN NNP 5  pobj      B-GPE
        7  .        .        PUNCT .   4  punct     O
        8  Iran     Iran     PROPN NNP 9  nsubj     B-GPE
        9  mourned  mourn    VERB  VBD 0  ROOT      O
        10 Hamedani Hamedani PROPN NNP 9  dobj      B-PERSON
        11 .        .        PUNCT .   9  punct     O
        12 Gen.     Gen.     PROPN NNP 13 compound  O
        13 Hamedani Hamedani PROPN NNP 14 nsubj     B-PERSON
        14 led      lead     VERB  VBD 0  ROOT      O
        15 the      the      DET   DT  16 det       O
        16 IRGC     IRGC     PROPN NNP 14 dobj      B-ORG
        17 in       in       ADP   IN  16 prep      O
        18 Syria    Syria    PROPN NNP 17 pobj      B-GPE
        19 .        .        PUNCT .   14 punct     O
        """,
        {
            "Hussein Hamedani": "new.hussein-hamedani",
            "Aleppo": "place:gn.aleppo",
            "Iran": "irn",
            "Hamedani": "new.hussein-hamedani",
            "Gen. Hamedani": "new.hussein-hamedani",
            "IRGC": "irn.irgc",
            "Syria": "place",
        },
        id="new-person-surname-and-title",
    ),
    pytest.param(
        # Rebels in Syria withdrew from Palmyra.  (the small model tags Palmyra PERSON)
        """
        1 Rebels   rebel    NOUN  NNS 4 nsubj O
        2 in       in       ADP   IN  1 prep  O
        3 Syria    Syria    PROPN NNP 2 pobj  B-GPE
        4 withdrew withdraw VERB  VBD 0 ROOT  O
        5 from     from     ADP   IN  4 prep  O
        6 Palmyra  Palmyra  PROPN NNP 5 pobj  B-PERSON
        7 .        .        PUNCT .   4 punct O
        """,
        {"Rebels": "syr.reb", "Syria": "place", "Palmyra": "place:gn.palmyra-syr"},
        id="place-mislabeled-person",
    ),
    pytest.param(
        # Fighting in Syria spread to Palmyra.
        """
        1 Fighting fight   VERB  VBG 4 nsubj O
        2 in       in      ADP   IN  1 prep  O
        3 Syria    Syria   PROPN NNP 2 pobj  B-GPE
        4 spread   spread  VERB  VBD 0 ROOT  O
        5 to       to      ADP   IN  4 prep  O
        6 Palmyra  Palmyra PROPN NNP 5 pobj  B-GPE
        7 .        .       PUNCT .   4 punct O
        """,
        {"Syria": "place", "Palmyra": "place:gn.palmyra-syr"},
        id="palmyra-in-syria",
    ),
    pytest.param(
        # Flooding in the United States reached Palmyra.
        """
        1 Flooding flood   VERB  VBG 6 nsubj    O
        2 in       in      ADP   IN  1 prep     O
        3 the      the     DET   DT  5 det      B-GPE
        4 United   United  PROPN NNP 5 compound I-GPE
        5 States   States  PROPN NNP 2 pobj     I-GPE
        6 reached  reach   VERB  VBD 0 ROOT     O
        7 Palmyra  Palmyra PROPN NNP 6 dobj     B-GPE
        8 .        .       PUNCT .   6 punct    O
        """,
        {"United States": "place", "Palmyra": "place:gn.palmyra-usa"},
        id="palmyra-in-the-united-states",
    ),
]


ROWS = {case.id: case.values[0] for case in CASES}


@pytest.mark.parametrize(("rows", "expected"), CASES)
def test_linked_mentions(linker, rows, expected):
    assert resolved(link(linker, rows)) == sorted(expected.items())


@pytest.mark.parametrize(
    ("rows", "parents"),
    [
        pytest.param(
            # Hussein Hamedani, a general in the IRGC, died.
            """
            1  Hussein  Hussein  PROPN NNP 2  compound B-PERSON
            2  Hamedani Hamedani PROPN NNP 10 nsubj    I-PERSON
            3  ,        ,        PUNCT ,   2  punct    O
            4  a        a        DET   DT  5  det      O
            5  general  general  NOUN  NN  2  appos    O
            6  in       in       ADP   IN  5  prep     O
            7  the      the      DET   DT  8  det      O
            8  IRGC     IRGC     PROPN NNP 6  pobj     B-ORG
            9  ,        ,        PUNCT ,   2  punct    O
            10 died     die      VERB  VBD 0  ROOT     O
            11 .        .        PUNCT .   10 punct    O
            """,
            ("irn.irgc",),
            id="apposition-group",
        ),
        pytest.param(
            # Hussein Hamedani, a general in Iran's IRGC, died.
            """
            1  Hussein  Hussein  PROPN NNP 2  compound B-PERSON
            2  Hamedani Hamedani PROPN NNP 11 nsubj    I-PERSON
            3  ,        ,        PUNCT ,   2  punct    O
            4  a        a        DET   DT  5  det      O
            5  general  general  NOUN  NN  2  appos    O
            6  in       in       ADP   IN  5  prep     O
            7  Iran     Iran     PROPN NNP 9  poss     B-GPE
            8  's       's       PART  POS 7  case     O
            9  IRGC     IRGC     PROPN NNP 6  pobj     B-ORG
            10 ,        ,        PUNCT ,   2  punct    O
            11 died     die      VERB  VBD 0  ROOT     O
            12 .        .        PUNCT .   11 punct    O
            """,
            ("irn.irgc",),
            id="apposition-group-before-its-state",
        ),
        pytest.param(
            # Hussein Hamedani, an Iranian general, died.
            """
            1 Hussein  Hussein  PROPN NNP 2 compound B-PERSON
            2 Hamedani Hamedani PROPN NNP 8 nsubj    I-PERSON
            3 ,        ,        PUNCT ,   2 punct    O
            4 an       an       DET   DT  6 det      O
            5 Iranian  iranian  ADJ   JJ  6 amod     B-NORP
            6 general  general  NOUN  NN  2 appos    O
            7 ,        ,        PUNCT ,   2 punct    O
            8 died     die      VERB  VBD 0 ROOT     O
            9 .        .        PUNCT .   8 punct    O
            """,
            ("irn",),
            id="apposition-demonym",
        ),
        pytest.param(
            # Hussein Hamedani died near Aleppo.
            """
            1 Hussein  Hussein  PROPN NNP 2 compound B-PERSON
            2 Hamedani Hamedani PROPN NNP 3 nsubj    I-PERSON
            3 died     die      VERB  VBD 0 ROOT     O
            4 near     near     ADP   IN  3 prep     O
            5 Aleppo   Aleppo   PROPN NNP 4 pobj     B-GPE
            6 .        .        PUNCT .   3 punct    O
            """,
            (),
            id="no-apposition-no-parent",
        ),
    ],
)
def test_new_person_affiliation_from_apposition(linker, rows, parents):
    doc = link(linker, rows)
    actor = next(m.actor for m in doc._.warlog_actors if m.actor.id == "new.hussein-hamedani")
    assert (actor.kind, actor.pack) == ("person", "ner")
    assert tuple(affiliation.parent for affiliation in actor.parents) == parents


@pytest.mark.parametrize(
    ("case", "text", "rule"),
    [
        ("alias-dotted-acronym", "I.S.", "alias@1"),
        ("capital-metonym-acting", "Moscow", "metonym@1"),
        ("country-acting", "Syria", "alias@1"),
        ("demonym-alone", "Russian", "demonym@1"),
        ("agents-scoped-to-context-country", "rebels", "agent@1"),
        ("possessor-person-agent", "Assad's regime", "agent@1"),
        ("new-person-surname-and-title", "Gen. Hamedani", "ner@1"),
    ],
)
def test_rule_is_recorded(linker, case, text, rule):
    mention = next(m for m in link(linker, ROWS[case])._.warlog_actors if m.text == text)
    assert mention.rule == rule


def test_context_country_is_the_country_named_as_a_place(linker):
    assert link(linker, ROWS["capital-metonym-acting"])._.warlog_country == "SYR"  # Moscow acts, Aleppo locates
    assert link(linker, ROWS["country-acting"])._.warlog_country is None


def test_offsets_point_at_their_text(linker):
    for rows in ROWS.values():
        doc = link(linker, rows)
        for actor in doc._.warlog_actors:
            assert doc.text[actor.start : actor.end] == actor.text
        for place in doc._.warlog_places:
            assert doc.text[place.start : place.end] == place.name


def test_unbound_linker_refuses_to_run():
    register_components()
    nlp = spacy.blank("en")
    linker = nlp.add_pipe("warlog_actor_linker")
    with pytest.raises(RuntimeError, match="bind"):
        linker(nlp.make_doc("Moscow targeted the rebels."))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Polish Americans make up a large share of the voters in Wisconsin.", "pol"),  # an origin, not the state
        ("The judge was attacked because of his Mexican heritage.", "mex"),
        ("The investor Mark Cuban sat in the front row.", "cub"),  # a surname
        ("WASHINGTON (AP) — The Senate passed the bill on Monday.", "usa"),  # a dateline locates
        ("He was a broker of the Paris climate agreement.", "fra"),  # a capital naming a thing
        ("The candidate streamed her speech on social media.", "usa.med"),  # no group of any country
    ],
)
def test_names_that_do_not_name_the_state(pipeline, text, absent):
    report = pipeline.extract(text, published="2016-09-20")
    assert absent not in {a.id for a in report.actors if a.mentions}


def test_a_demonym_of_the_state_still_names_it(pipeline):
    report = pipeline.extract(
        "Polish troops crossed into Ukraine, and the Polish government protested.", published="2016-09-20"
    )
    assert {"pol.mil", "pol.gov"} <= {a.id for a in report.actors if a.mentions}


def test_a_text_shared_by_two_countries_leaves_generic_nouns_unlinked(pipeline):
    text = (
        "Yemen's war dragged on as the United States debated its arms sales. Yemen has lost thousands of lives. "
        "The United States sold more weapons. The government said the talks would go on."
    )
    report = pipeline.extract(text, published="2016-09-20")
    assert not any(a.id.endswith(".gov") for a in report.actors if a.mentions)


@pytest.mark.parametrize(
    "text",
    [
        "The plan failed because of opposition in Congress.",  # opposition: resistance, not a party
        "The act gives the agency the authority to issue rules.",  # authority: a power
        "Any tax on the wealthy brings a certain amount of administration.",
    ],
)
def test_abstract_senses_name_no_group(pipeline, text):
    report = pipeline.extract(text, published="2016-09-20")
    assert not any(a.id.endswith((".opp", ".gov")) for a in report.actors if a.mentions)


def test_a_determined_group_noun_still_names_the_group(pipeline):
    report = pipeline.extract("In Harare, the opposition marched against the government.", published="2016-09-20")
    assert {"zwe.opp", "zwe.gov"} <= {a.id for a in report.actors if a.mentions}


def test_one_persons_nationality_is_a_civilian_of_the_country(pipeline):
    """ "a Saudi businessman" is a Saudi civilian, not the Saudi state; "to be an American" is no actor."""
    report = pipeline.extract(
        "A Saudi businessman sued the airline. She is proud to be an American.", published="2016-09-20"
    )
    ids = {a.id for a in report.actors if a.mentions}
    assert "sau.cvl" in ids and "sau" not in ids and "usa" not in ids


def test_a_list_of_origins_before_americans(pipeline):
    report = pipeline.extract("Polish, Ukrainian, and Lithuanian Americans live in Ohio.", published="2016-09-20")
    assert not {"pol", "ukr", "ltu"} & {a.id for a in report.actors if a.mentions}


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("She called herself a Chilean-Peruvian in the interview.", "chl", None),  # a person's identity
        ("Troops gathered on the Syrian-Turkish border.", None, "syr"),  # a border of two states
    ],
)
def test_hyphenated_demonyms(pipeline, text, absent, present):
    ids = {a.id for a in pipeline.extract(text, published="2016-09-20").actors if a.mentions}
    assert absent is None or absent not in ids
    assert present is None or present in ids


def test_an_acronym_stands_for_the_name_spelled_out_before_it(pipeline):
    # "EPA" is also a Venezuelan armed group in the actor packs; here it is the agency just named
    text = "Ten states are challenging the Environmental Protection Agency's rules. They say the EPA went too far."
    report = pipeline.extract(text, published="2016-09-27")
    by_id = {a.id: [m.text for m in a.mentions] for a in report.actors}
    assert "EPA" in by_id["usa.environmental-protection-agency"]
    assert "ven.epa" not in by_id


def test_an_acronym_without_its_name_keeps_the_pack_alias(pipeline):
    report = pipeline.extract("The EPA attacked a village in Venezuela.", published="2016-09-27")
    assert "ven.epa" in {a.id for a in report.actors}


def test_an_acronym_keeps_its_actor_when_one_of_its_spellings_is_that_actor(pipeline):
    # "Iranian State media" has the initials of "I.S." too, but the Islamic State was spelled out first
    text = (
        "The Islamic State claimed the bombing. Iranian State media blamed the group. "
        "I.S. fighters withdrew from the town."
    )
    report = pipeline.extract(text, published="2016-09-27")
    by_id = {a.id: [m.text for m in a.mentions] for a in report.actors}
    assert "I.S." in by_id["isil"]
