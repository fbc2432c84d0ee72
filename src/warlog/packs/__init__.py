"""The data packs, warlog's knowledge as files: reading and validating them (`files`, `validators`,
`slugs`), and the loaders of every kind, built-in and user packs alike: actors, places (with the place-name
records, `placenames`), the event ontology with its triggers (`ontology`, `triggers`), reporting cues,
hedges and stance markers (`cues`, `stance`). This layer sits at the bottom: it imports `model` and
`errors`, never the packages that use the packs. Importing it loads nothing: the pipeline loads every
pack once (`warlog.pipeline.load`) and passes them to its components; a cached reader of each built-in
file is only the default a caller can replace.
"""
