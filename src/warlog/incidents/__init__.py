"""When two tellings are one incident, and how they differ: `policy` (the one rule for "the same incident",
with a preset for one event told twice in a text, for two sources of one document and for reports across
documents), `differences` (what two reports of an event disagree on: perpetrator, recipient, place, date,
toll, occurrence), `contradictions` (inside one document) and `cluster` (incidents across the documents of
a store)."""
