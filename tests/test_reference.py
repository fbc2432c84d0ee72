"""End to end on the reference document: the foundation's acceptance, as tests."""

import pytest

ACTORS = {
    # id: surface forms that must be among its mentions
    "rus": {"Russia", "Moscow"},
    "syr.gov": {"regime", "Assad’s regime"},
    "person.bashar-al-assad": {"Bashar al-Assad", "Assad"},
    "isil": {"I.S.", "ISIS", "Daesh", "takfiris", "Islamic State"},
    "syr.reb": {"rebellion", "moderate rebels", "insurgents"},
    "irn": {"Iran"},
    "irn.irgc": {"Islamic Revolutionary Guard Corp", "IRGC"},
    "new.hussein-hamedani": {"Hussein Hamedani", "Gen. Hamedani", "Hamedani"},
    "syr.ndf": {"National Defence Forces", "NDF"},
    "usa": {"U.S."},
    "usa.embassy-syr": {"U.S. Embassy in Syria"},
    "kurds": {"Kurds"},
    "new.michael-weiss": {"Michael Weiss", "Weiss"},
    "new.hassan-hassan": {"Hassan Hassan"},
    "daily-beast": {"The Daily Beast"},
    "new-york-times": {"The New York Times"},
}


def test_document_metadata_and_body(reference_report):
    document = reference_report.document
    assert document.source == "The Syrian Intifada"
    assert document.author == "Kyle Orton"
    assert document.title == "Russia Teams Up With Islamic State Against Syria’s Rebels"
    assert document.published is None  # the text carries no date, and none is invented
    assert document.text.startswith("The main intention of Russia’s intervention")
    assert document.text.endswith("the chaos and extremism they now claim to hold back.")
    for boilerplate in ("Follow by Email", "U.S. Says Syria Is Buying Oil", "Some Imbeciles Forgot", "Source:"):
        assert boilerplate not in document.text


@pytest.mark.parametrize(("actor_id", "forms"), sorted(ACTORS.items()))
def test_actor_resolved_with_its_mentions(reference_report, actor_id, forms):
    actor = reference_report.actor(actor_id)
    assert actor is not None, f"{actor_id} not among {[a.id for a in reference_report.actors]}"
    assert forms <= {m.text for m in actor.mentions}


def test_affiliation_chains(reference_report):
    report = reference_report
    assert report.actor("new.hussein-hamedani").parents == ("irn.irgc",)
    assert "irn" in report.actor("irn.irgc").parents
    embassy_chain = report.actor("usa.embassy-syr").parents
    assert embassy_chain == ("usa.gov",) and report.actor("usa.gov").parents == ("usa",)


def test_every_moscow_is_russia(reference_report):
    text = reference_report.document.text
    moscow = {i for i in range(len(text)) if text.startswith("Moscow", i)}
    linked = {m.start for m in reference_report.actor("rus").mentions if m.text == "Moscow"}
    assert linked == moscow


@pytest.mark.parametrize("name", ["Aleppo", "Palmyra", "Marea", "Deir Ezzor"])
def test_places_are_not_actors(reference_report, name):
    actor_texts = {m.text for a in reference_report.actors for m in a.mentions}
    assert not any(name in text for text in actor_texts)
    place_texts = {m.text for p in reference_report.places for m in p.mentions}
    assert name in place_texts


def test_places_are_geocoded_in_syria(reference_report):
    by_name = {p.name: p for p in reference_report.places}
    assert by_name["Aleppo"].country == "SYR" and by_name["Aleppo"].lat == pytest.approx(36.2, abs=0.1)
    assert by_name["Palmyra"].country == "SYR"  # not Palmyra, New York


def test_offsets_point_at_their_text(reference_report):
    text = reference_report.document.text
    spans = [m for a in reference_report.actors for m in a.mentions]
    spans += [m for p in reference_report.places for m in p.mentions]
    assert spans
    for span in spans:
        assert text[span.start : span.end] == span.text


def test_mentions_do_not_overlap(reference_report):
    spans = sorted((m.start, m.end) for a in reference_report.actors for m in a.mentions)
    spans += sorted((m.start, m.end) for p in reference_report.places for m in p.mentions)
    spans.sort()
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end <= start


def test_provenance_records_versions(reference_report):
    provenance = dict(reference_report.provenance)
    assert provenance["warlog"] and "warlog-countries@" in provenance["actors"] and "3.8.0" in provenance["model"]
    assert provenance["claims"].startswith("cues@") and "+stance@" in provenance["claims"]


def test_report_survives_json_and_the_store(reference_report):
    import json

    from warlog.model import Report, report_schema
    from warlog.store import Store

    data = json.loads(json.dumps(reference_report.to_dict()))
    import jsonschema

    jsonschema.validate(data, report_schema())
    assert Report.from_dict(data) == reference_report
    with Store.open(None) as store:
        assert store.save(reference_report)
        assert not store.save(reference_report)  # idempotent
        assert store.report(reference_report.document.id) == reference_report
