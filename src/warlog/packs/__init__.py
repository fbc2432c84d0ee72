"""The data packs, warlog's knowledge as files: reading and validating them (`files`, `validators`,
`slugs`), and the loaders of every kind, built-in and user packs alike: actors, places (with the place-name
records, `placenames`), the event ontology with its triggers (`ontology`, `triggers`), reporting cues,
hedges and stance markers (`cues`, `stance`), and the English word lists of the rules (`lexicon`). This
layer sits at the bottom: it imports `model` and `errors`, never the packages that use the packs.
Importing it loads nothing: the pipeline loads every pack a user may extend once (`warlog.pipeline.load`)
and passes them to its components; a cached reader of each built-in file is only the default a caller
can replace. The lexicons, which users do not extend, are read once when the rule modules are imported.
"""
