"""The actor-links gold reader and scorer on a gold and an article written for the test."""

import hashlib

import pytest

from warlog.errors import InputError
from warlog.evaluate.links import raw_offsets, read_link_gold


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


@pytest.fixture
def polnear(tmp_path):
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "text" / "paper_2016-09-01_a.txt").write_text("The mayor said he would stay.\n")
    return tmp_path


def test_a_gold_reads_its_articles_dates_and_judgements(polnear, tmp_path):
    gold = tmp_path / "gold.tsv"
    gold.write_text(
        "# comment\n"
        "dev\tpaper_2016-09-01_a\tcountries\tUSA\n"
        f"dev\tpaper_2016-09-01_a\t15\t17\t{sha('he')}\tperson.x\tnone\twrong,generic\n"
    )
    article = read_link_gold(gold, polnear).articles[0]
    assert article.published == "2016-09-01" and article.countries == {"USA"}
    assert [(g.start, g.end, g.right) for g in article.links] == [(15, 17, None)]


@pytest.mark.parametrize(
    "line",
    [
        "dev\tpaper_2016-09-01_a\t15\t17\t000000000000\tperson.x\tnone\twrong",  # drifted sha
        "dev\tpaper_2016-09-01_a\t15\t17",  # too few fields
    ],
)
def test_a_bad_gold_line_is_refused(polnear, tmp_path, line):
    gold = tmp_path / "gold.tsv"
    gold.write_text(f"dev\tpaper_2016-09-01_a\tcountries\tUSA\n{line}\n")
    with pytest.raises(InputError, match="gold.tsv:2"):
        read_link_gold(gold, polnear)


def test_mentions_mentioned_before_the_countries_row_are_refused(polnear, tmp_path):
    gold = tmp_path / "gold.tsv"
    gold.write_text(f"dev\tpaper_2016-09-01_a\t15\t17\t{sha('he')}\tperson.x\tnone\twrong\n")
    with pytest.raises(InputError, match="no countries row"):
        read_link_gold(gold, polnear)


def test_offsets_of_a_cleaned_text_map_back_to_the_raw_text():
    raw = "A line.\u00a0\nB said.\n"
    clean = "A line.\nB said."
    offsets = raw_offsets(raw, clean)
    start = clean.index("B")
    assert raw[offsets[start]] == "B" and raw[offsets[start] : offsets[start + 6] + 1] == "B said."
