"""When two tellings are one incident, and how they differ: `differences` (what two reports of an event
disagree on: perpetrator, recipient, place, date, toll, occurrence), `contradictions` (inside one document)
and `cluster` (incidents across the documents of a store)."""
