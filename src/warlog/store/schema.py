"""The store's schema as numbered migrations, and the code that brings a database up to date.

Each migration is `(version, statements)`. They run in order, each inside one transaction that also
records the new version in `meta`, so a database is always at exactly one version. Never edit a
migration that has shipped: add the next one.
"""

from __future__ import annotations

import duckdb

from warlog.errors import StoreError

_EVIDENCE = 'STRUCT("start" BIGINT, "end" BIGINT, "text" VARCHAR, "rule" VARCHAR, "confidence" DOUBLE)'
_TOLL = 'STRUCT("min" BIGINT, "max" BIGINT, "text" VARCHAR)'  # the type of events.fatalities (v1)

_V1 = (
    'CREATE TABLE meta ("key" VARCHAR PRIMARY KEY, "value" VARCHAR NOT NULL)',
    """CREATE TABLE documents (
        id VARCHAR PRIMARY KEY, title VARCHAR, author VARCHAR, source VARCHAR, url VARCHAR,
        published VARCHAR, "language" VARCHAR, "text" VARCHAR NOT NULL, warlog_version VARCHAR NOT NULL,
        provenance STRUCT("name" VARCHAR, "version" VARCHAR)[] NOT NULL, stored_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE actors (
        id VARCHAR PRIMARY KEY, "name" VARCHAR NOT NULL, kind VARCHAR NOT NULL, country VARCHAR,
        origin VARCHAR NOT NULL)""",
    "CREATE TABLE actor_parents (actor_id VARCHAR NOT NULL, parent_id VARCHAR NOT NULL, seq INTEGER NOT NULL)",
    "CREATE TABLE actor_aliases (actor_id VARCHAR NOT NULL, alias VARCHAR NOT NULL, seq INTEGER NOT NULL)",
    """CREATE TABLE document_actors (
        document_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, seq INTEGER NOT NULL,
        "name" VARCHAR NOT NULL, kind VARCHAR NOT NULL, country VARCHAR,
        parents VARCHAR[] NOT NULL, aliases VARCHAR[] NOT NULL, origin VARCHAR NOT NULL)""",
    """CREATE TABLE mentions (
        document_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, "start" BIGINT NOT NULL,
        "end" BIGINT NOT NULL, "text" VARCHAR NOT NULL, "rule" VARCHAR, confidence DOUBLE NOT NULL,
        seq INTEGER NOT NULL)""",
    """CREATE TABLE places (
        id VARCHAR PRIMARY KEY, "name" VARCHAR NOT NULL, country VARCHAR, lat DOUBLE, lon DOUBLE,
        feature VARCHAR, "precision" INTEGER)""",
    """CREATE TABLE document_places (
        document_id VARCHAR NOT NULL, place_id VARCHAR NOT NULL, seq INTEGER NOT NULL,
        "name" VARCHAR NOT NULL, country VARCHAR, lat DOUBLE, lon DOUBLE, feature VARCHAR,
        "precision" INTEGER)""",
    """CREATE TABLE place_mentions (
        document_id VARCHAR NOT NULL, place_id VARCHAR NOT NULL, "start" BIGINT NOT NULL,
        "end" BIGINT NOT NULL, "text" VARCHAR NOT NULL, "rule" VARCHAR, confidence DOUBLE NOT NULL,
        seq INTEGER NOT NULL)""",
    f"""CREATE TABLE events (
        document_id VARCHAR NOT NULL, seq INTEGER NOT NULL, id VARCHAR NOT NULL, "type" VARCHAR NOT NULL,
        "mode" VARCHAR, actors VARCHAR[] NOT NULL, recipients VARCHAR[] NOT NULL, place VARCHAR,
        "date" STRUCT("value" VARCHAR, "precision" VARCHAR, "text" VARCHAR),
        fatalities STRUCT("min" BIGINT, "max" BIGINT, "text" VARCHAR),
        status VARCHAR NOT NULL, speaker VARCHAR,
        codes STRUCT(scheme VARCHAR, code VARCHAR)[] NOT NULL, confidence DOUBLE NOT NULL,
        evidence_start BIGINT NOT NULL, evidence_end BIGINT NOT NULL, evidence_text VARCHAR NOT NULL,
        evidence_rule VARCHAR, evidence_confidence DOUBLE NOT NULL, also {_EVIDENCE}[] NOT NULL)""",
    """CREATE TABLE claims (
        document_id VARCHAR NOT NULL, seq INTEGER NOT NULL, id VARCHAR NOT NULL, "text" VARCHAR NOT NULL,
        speaker VARCHAR, speaker_text VARCHAR, cue VARCHAR, direct BOOLEAN NOT NULL,
        hedged BOOLEAN NOT NULL, author_stance VARCHAR NOT NULL, events VARCHAR[] NOT NULL,
        evidence_start BIGINT NOT NULL, evidence_end BIGINT NOT NULL, evidence_text VARCHAR NOT NULL,
        evidence_rule VARCHAR, evidence_confidence DOUBLE NOT NULL)""",
    """CREATE TABLE contradictions (
        document_id VARCHAR NOT NULL, seq INTEGER NOT NULL, id VARCHAR NOT NULL, kind VARCHAR NOT NULL,
        items VARCHAR[] NOT NULL, explanation VARCHAR NOT NULL)""",
    """CREATE TABLE relations (
        document_id VARCHAR NOT NULL, seq INTEGER NOT NULL, source VARCHAR NOT NULL,
        target VARCHAR NOT NULL, polarity VARCHAR NOT NULL, weight DOUBLE NOT NULL,
        events VARCHAR[] NOT NULL)""",
    "CREATE SEQUENCE failure_ids",
    """CREATE TABLE failures (
        id BIGINT PRIMARY KEY DEFAULT nextval('failure_ids'), source VARCHAR NOT NULL,
        reason VARCHAR NOT NULL, message VARCHAR NOT NULL, document_id VARCHAR, "at" TIMESTAMP NOT NULL)""",
)

# Wounded and captured are counted apart from the dead; rows stored before have neither (NULL).
_V2 = (
    f"ALTER TABLE events ADD COLUMN wounded {_TOLL}",
    f"ALTER TABLE events ADD COLUMN captured {_TOLL}",
)

# Claims name their source kind, co-speakers, outlet and work, and keep the evidence of the speaker,
# the cue, the hedges and the author's stance; rows stored before read as named, unhedged claims.
_V3 = (
    "ALTER TABLE claims ADD COLUMN source_kind VARCHAR DEFAULT 'named'",
    "ALTER TABLE claims ADD COLUMN co_speakers VARCHAR[] DEFAULT []",
    f"ALTER TABLE claims ADD COLUMN speaker_evidence {_EVIDENCE}",
    f"ALTER TABLE claims ADD COLUMN cue_evidence {_EVIDENCE}",
    "ALTER TABLE claims ADD COLUMN outlet VARCHAR",
    "ALTER TABLE claims ADD COLUMN work VARCHAR",
    f"ALTER TABLE claims ADD COLUMN hedges {_EVIDENCE}[] DEFAULT []",
    f"ALTER TABLE claims ADD COLUMN stance_evidence {_EVIDENCE}",
)

# The analysts' corrections with their audit trail (warlog.store.corrections): one row per correction,
# kept for ever; `document_id` is NULL for a correction of the whole corpus (merge_actors, add_alias),
# `before` and `after` are JSON text, `applied` whether it took effect the last time it was applied.
_V4 = (
    "CREATE SEQUENCE correction_ids",
    """CREATE TABLE corrections (
        id BIGINT PRIMARY KEY DEFAULT nextval('correction_ids'), kind VARCHAR NOT NULL, fact VARCHAR NOT NULL,
        document_id VARCHAR, target VARCHAR NOT NULL, "before" VARCHAR, "after" VARCHAR, author VARCHAR,
        "at" TIMESTAMP NOT NULL, note VARCHAR, applied BOOLEAN NOT NULL)""",
)

# Happenings: disasters, accidents and crimes that are no conflict events (model.Happening); one row each,
# with its evidence flat as the events' is. Documents stored before have none.
_V5 = (
    f"""CREATE TABLE happenings (
        document_id VARCHAR NOT NULL, seq INTEGER NOT NULL, id VARCHAR NOT NULL, kind VARCHAR NOT NULL,
        place VARCHAR, "date" STRUCT("value" VARCHAR, "precision" VARCHAR, "text" VARCHAR),
        fatalities {_TOLL}, wounded {_TOLL},
        evidence_start BIGINT NOT NULL, evidence_end BIGINT NOT NULL, evidence_text VARCHAR NOT NULL,
        evidence_rule VARCHAR, evidence_confidence DOUBLE NOT NULL)""",
)

# A denial of something the text tells only inside it is a contradiction with the denied words as an implied
# claim (model.ImpliedClaim); rows stored before have none (NULL).
_V6 = (
    f"""ALTER TABLE contradictions ADD COLUMN implied STRUCT(
        speaker VARCHAR, speaker_text VARCHAR, speaker_evidence {_EVIDENCE}, "text" VARCHAR, evidence {_EVIDENCE})""",
)

# The review queue (warlog.store.review): an analyst's acceptance of an event or claim is an `accept` correction;
# `reviews` lists them, so that SQL can join an item to who accepted it and when. The version also tells an
# older warlog, which cannot apply an `accept`, that it cannot write this store.
_V7 = (
    """CREATE VIEW reviews AS
    SELECT document_id, fact, target AS id, author, "at", note, applied, id AS correction_id
    FROM corrections WHERE kind = 'accept'""",
)

MIGRATIONS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (1, _V1),
    (2, _V2),
    (3, _V3),
    (4, _V4),
    (5, _V5),
    (6, _V6),
    (7, _V7),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]

# Every table, in the order a document's rows are written; `count()` accepts exactly these names.
TABLES = (
    "meta",
    "documents",
    "actors",
    "actor_parents",
    "actor_aliases",
    "document_actors",
    "mentions",
    "places",
    "document_places",
    "place_mentions",
    "events",
    "happenings",
    "claims",
    "contradictions",
    "relations",
    "failures",
    "corrections",
)


def read_version(con: duckdb.DuckDBPyConnection, name: str) -> int:
    """The schema version recorded in the database; 0 for an empty database."""
    tables = {
        row[0]
        for row in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()
    }
    if "meta" not in tables:
        if tables:
            raise StoreError(
                f"{name} is a DuckDB database but not a warlog store (it has tables and no warlog "
                "'meta' table); choose a new file for the store"
            )
        return 0
    row = con.execute('SELECT "value" FROM meta WHERE "key" = \'schema_version\'').fetchone()
    if row is None or not row[0].isdigit():
        raise StoreError(f"{name} has no valid schema_version in its meta table; it is not a warlog store")
    return int(row[0])


def migrate(
    con: duckdb.DuckDBPyConnection,
    name: str,
    *,
    read_only: bool = False,
    migrations: tuple[tuple[int, tuple[str, ...]], ...] = MIGRATIONS,
) -> int:
    """Apply the migrations the database lacks, each in its own transaction; return the version."""
    current = read_version(con, name)
    latest = migrations[-1][0]
    if current > latest:
        raise StoreError(
            f"{name} has store schema version {current} but this warlog knows only up to {latest}; "
            "upgrade warlog to open it"
        )
    pending = [(version, statements) for version, statements in migrations if version > current]
    if pending and read_only:
        raise StoreError(
            f"{name} has store schema version {current} and needs migrating to {latest}; "
            "open it once without read-only to migrate it"
        )
    for version, statements in pending:
        con.begin()
        try:
            for statement in statements:
                con.execute(statement)
            con.execute(
                'INSERT OR REPLACE INTO meta ("key", "value") VALUES (\'schema_version\', $version)',
                {"version": str(version)},
            )
        except duckdb.Error as e:
            con.rollback()
            first_line = str(e).splitlines()[0] if str(e) else type(e).__name__
            raise StoreError(f"cannot migrate {name} to store schema version {version}: {first_line}") from e
        con.commit()
    return max(current, latest)
