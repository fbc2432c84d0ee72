"""A correction survives re-analysis: `warlog ingest --reanalyze` analyzes a stored document again and
replaces its rows, and the document's and the corpus's corrections are applied to the new rows."""

from __future__ import annotations

from warlog.ingest import make_document
from warlog.store import Store
from warlog.store.correction import Correction

TEXT = (
    "Syrian rebels attacked an army base near Homs on Tuesday, killing four soldiers. "
    "Russian jets bombed rebel positions in Idlib on Wednesday."
)


def test_corrections_survive_reanalysis(pipeline, tmp_path):
    document = make_document(TEXT, settings=pipeline.settings, published="2016-07-01", title="Homs")
    with Store.open(tmp_path / "w.duckdb") as store:
        assert pipeline.ingest([document], store).stored == 1
        report = store.report(document.id)
        attack = next(e for e in report.events if "attacked" in e.evidence.text)
        assert {"rus.mil", "rus"} <= {a.id for a in report.actors}
        store.correct(Correction.merge_actors("rus.mil", "rus", author="analyst"))  # the jets are Russia's
        store.correct(Correction.add_alias("syr.reb", "the insurgents", author="analyst"))
        store.correct(Correction.set_event_status(document.id, attack.id, "claimed", author="analyst"))

        assert pipeline.ingest([document], store).skipped == 1  # a plain re-ingest leaves it alone
        stats = pipeline.ingest([document], store, reanalyze=True)
        assert (stats.stored, stats.skipped) == (1, 0)

        again = store.report(document.id)
        assert "rus.mil" not in {a.id for a in again.actors}
        bombing = next(e for e in again.events if "bombed" in e.evidence.text)
        assert bombing.actors == ("rus",)
        assert next(e for e in again.events if e.id == attack.id).status == "claimed"
        assert "the insurgents" in again.actor("syr.reb").aliases
        assert [c.kind for c in store.corrections()] == ["merge_actors", "add_alias", "set_event_status"]
        assert store.document_ids() == {document.id}
