"""The data packs, warlog's knowledge as files: reading and validating them (`files`, `validators`,
`slugs`), and the loaders of every kind, built-in and user packs alike: actors, places (with the place-name
records, `placenames`), event triggers, reporting cues. This layer sits at the bottom: it imports `model`
and `errors`, never the packages that use the packs. Importing it loads nothing.
"""
