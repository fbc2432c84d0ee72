"""Page furniture is removed from scraped plain text; a text without it is left as it is."""

from pathlib import Path

import pytest

from warlog.ingest import make_document, read_document
from warlog.ingest.boilerplate import CleanText, clean_boilerplate
from warlog.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
# The reference document, bundled as the README's example (a copy of ../shared/seed/000_c00ed4ead730b4ef.txt).
SEED = Path(__file__).resolve().parents[1] / "examples" / "reference.txt"
SETTINGS = Settings()


def test_reference_document():
    document = read_document(SEED, settings=SETTINGS)
    assert document.text.startswith("The main intention of Russia’s intervention")
    assert document.text.endswith("the chaos and extremism they now claim to hold back.")
    assert document.title == "Russia Teams Up With Islamic State Against Syria’s Rebels"
    assert document.source == "The Syrian Intifada"
    assert document.author == "Kyle Orton"
    assert document.published is None
    assert "Follow by Email" not in document.text
    assert "U.S. Says Syria Is Buying Oil" not in document.text
    assert "\n\n\n" not in document.text


def test_reference_document_body_is_kept_character_for_character():
    raw = SEED.read_text(encoding="utf-8")
    document = read_document(SEED, settings=SETTINGS)
    assert document.text in raw


def test_repost_gives_title_source_author_and_body():
    raw = (FIXTURES / "repost.txt").read_text(encoding="utf-8")
    document = make_document(raw, settings=SETTINGS)
    assert document.title == "Why the Siege of Kobani Changed the Air War"
    assert document.source == "The Frontline Review"
    assert document.author == "Dana Whitfield"
    assert document.text.startswith("When the first coalition aircraft appeared over Kobani")
    assert document.text.endswith("a front line as clear as Kobani’s.")
    assert document.text in raw
    for furniture in ("Turkey Closes Border", "Source:", "Share this", "Like Loading", "Related"):
        assert furniture not in document.text


def test_repost_with_crlf_and_trailing_spaces_gives_the_same_text():
    raw = (FIXTURES / "repost.txt").read_text(encoding="utf-8")
    messy = "\r\n".join(line + "  " for line in raw.split("\n"))
    assert make_document(messy, settings=SETTINGS).text == make_document(raw, settings=SETTINGS).text


def test_news_story_with_byline():
    document = read_document(FIXTURES / "byline.txt", settings=SETTINGS)
    assert document.title == "Government forces retake hilltop town after week of shelling"
    assert document.author == "Samuel Okafor"
    assert document.source is None
    assert document.text.startswith("Government troops on Tuesday retook")
    assert document.text.endswith("did not respond to requests for comment.")


def test_text_without_boilerplate_is_unchanged():
    raw = (FIXTURES / "plain.txt").read_text(encoding="utf-8")
    document = make_document(raw, settings=SETTINGS)
    assert document.text == raw.strip()
    assert (document.title, document.author, document.source) == (None, None, None)


HEADED = "Aid convoys reach the north\n\nAid convoys reached the northern districts on Monday."


def test_first_line_without_evidence_that_it_is_furniture_is_kept():
    text = HEADED
    assert clean_boilerplate(text).text == text
    assert clean_boilerplate(text).title is None


def test_first_line_that_is_the_known_title_is_removed():
    cleaned = clean_boilerplate(HEADED, titles=["Aid Convoys Reach the North"])
    assert cleaned.text == "Aid convoys reached the northern districts on Monday."


def test_repeated_first_line_marks_it_as_the_title():
    text = "Aid convoys reach the north\n\nThe convoys arrived on Monday.\n\nAid  convoys reach the north\n"
    cleaned = clean_boilerplate(text)
    assert cleaned.title == "Aid convoys reach the north"
    assert cleaned.text == "The convoys arrived on Monday."


@pytest.mark.parametrize(
    "widget",
    [
        "Follow by Email",
        "Share this:",
        "Like this:",
        "Related",
        "Subscribe",
        "Share on Facebook",
        "Tweet",
        "Print",
        "Email",
        "Posted by Dana Whitfield at 10:22 AM",
        "Leave a comment",
        "Loading...",
    ],
)
def test_trailing_widget_lines_are_removed(widget):
    body = "The convoys arrived on Monday.\n\nOfficials said more would follow."
    assert clean_boilerplate(f"{body}\n\n{widget}\n{widget}\n").text == body


def test_widget_words_inside_the_body_are_kept():
    text = "Print\n\nThe convoys arrived on Monday.\n\nTweet\n\nOfficials said more would follow."
    assert clean_boilerplate(text).text == text


def test_source_line_at_the_end():
    cleaned = clean_boilerplate("The convoys arrived on Monday.\n\nSource: Reuters\n")
    assert cleaned.source == "Reuters"
    assert cleaned.text == "The convoys arrived on Monday."


def test_given_metadata_wins_over_source_line():
    raw = (FIXTURES / "repost.txt").read_text(encoding="utf-8")
    document = make_document(raw, title="Kobani", source="Archive", settings=SETTINGS)
    assert (document.title, document.source, document.author) == ("Kobani", "Archive", "Dana Whitfield")


def test_sentence_starting_with_by_is_not_a_byline():
    text = "By the end of 2014, the rebels had lost most of the city.\n\nThe siege went on."
    assert clean_boilerplate(text) == CleanText(text)


def test_runs_of_blank_lines_become_one():
    cleaned = clean_boilerplate("One paragraph.\n\n\n\n\nAnother paragraph.")
    assert cleaned.text == "One paragraph.\n\nAnother paragraph."


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Anne Barnard and Hwaida Saad", "Anne Barnard and Hwaida Saad"),
        ("BY JOHN SMITH JR.", "JOHN SMITH JR."),
        ("By Reuters Staff | October 24, 2015", "Reuters Staff"),
        ("By Samuel Okafor – Field Correspondent", "Samuel Okafor"),
    ],
)
def test_bylines(byline, author):
    cleaned = clean_boilerplate(f"Hilltop town retaken\n{byline}\n\nGovernment troops retook the town.")
    assert (cleaned.author, cleaned.text) == (author, "Government troops retook the town.")


@pytest.mark.parametrize(
    "line", ["By March, the town had fallen.", "By then it was too late", "By Tuesday.", "By Monday?", "”"]
)
def test_prose_starting_with_by_is_not_a_byline(line):
    text = f"Hilltop town retaken\n{line}\n\nGovernment troops retook the town."
    assert clean_boilerplate(text).author is None
    assert clean_boilerplate(f"Government troops retook the town.\n\n{line}").text.endswith(line)
