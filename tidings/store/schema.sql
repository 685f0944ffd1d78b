-- tidings event store schema (DuckDB). Idempotent: every statement is IF NOT EXISTS.
-- Documented in docs/store.md. Dates are ISO 8601 strings (YYYY-MM-DD | YYYY-MM | YYYY).
CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);
-- One row per ingested document (the cleaned Article), keyed by doc_id + content_hash.
CREATE TABLE IF NOT EXISTS articles (
    doc_id VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    source VARCHAR,
    url VARCHAR,
    title VARCHAR,
    published VARCHAR,
    published_source VARCHAR,
    language VARCHAR,
    section VARCHAR,
    dateline VARCHAR,
    agency VARCHAR,           -- the news agency of the dateline (Reuters, AFP), when it names one
    n_chars INTEGER,
    n_mentions INTEGER,
    ingested_at TIMESTAMP,
    text VARCHAR              -- the cleaned body (Article.text): all character offsets index it
);
-- stores made before the body was kept get the column (empty for their articles)
ALTER TABLE articles ADD COLUMN IF NOT EXISTS text VARCHAR;
-- One row per coded event in a sentence (Event.id): the evidence.  event_id = its deduplicated event.
CREATE TABLE IF NOT EXISTS mentions (
    mention_id VARCHAR NOT NULL,
    event_id VARCHAR,
    group_key VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    sentence_index INTEGER,
    sentence_start INTEGER,
    sentence_end INTEGER,
    sentence VARCHAR,
    trigger_text VARCHAR,
    trigger_start INTEGER,
    trigger_end INTEGER,
    event_type VARCHAR,
    cameo_code VARCHAR,
    date VARCHAR,
    modality VARCHAR,
    confidence DOUBLE,
    source_name VARCHAR,
    url VARCHAR,
    published VARCHAR,
    record VARCHAR            -- the full Event.to_dict() as JSON
);
-- Actors and recipients of each mention, with character offsets into the article text.
CREATE TABLE IF NOT EXISTS actors (
    mention_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL,    -- actor | recipient
    position INTEGER NOT NULL,
    text VARCHAR,
    name VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    code VARCHAR,
    start_offset INTEGER,
    end_offset INTEGER
);
-- One row per real-world event (a dedup cluster of mentions); fields from its representative mention.
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR NOT NULL,
    group_key VARCHAR NOT NULL,
    dedup_rule VARCHAR,
    event_type VARCHAR,
    mode VARCHAR,
    contexts VARCHAR[],
    cameo_code VARCHAR,
    cameo_root VARCHAR,
    goldstein DOUBLE,
    quad_class INTEGER,
    date VARCHAR,
    date_precision VARCHAR,
    date_source VARCHAR,
    actor_codes VARCHAR[],
    actor_countries VARCHAR[],
    recipient_codes VARCHAR[],
    recipient_countries VARCHAR[],
    location_name VARCHAR,
    location_country VARCHAR,
    location_admin1 VARCHAR,
    location_lat DOUBLE,
    location_lon DOUBLE,
    location_geonameid BIGINT,
    location_precision VARCHAR,
    modality VARCHAR,
    confidence DOUBLE,
    num_mentions INTEGER,
    num_articles INTEGER,
    num_sources INTEGER,
    doc_id VARCHAR,
    sentence_index INTEGER,
    sentence VARCHAR,
    trigger_text VARCHAR,
    language VARCHAR,
    url VARCHAR,
    source_name VARCHAR,
    published VARCHAR,
    record VARCHAR            -- dedup.Cluster.to_dict() as JSON
);
-- Inputs that could not be read or coded, with the reason; the run goes on.
-- input: the file's real path (or - for stdin); line: the JSONL line, else NULL.
CREATE TABLE IF NOT EXISTS failures (
    source VARCHAR,
    doc_id VARCHAR,
    content_hash VARCHAR,
    reason VARCHAR,
    failed_at TIMESTAMP,
    input VARCHAR,
    line INTEGER
);
ALTER TABLE articles ADD COLUMN IF NOT EXISTS agency VARCHAR;
ALTER TABLE failures ADD COLUMN IF NOT EXISTS input VARCHAR;
ALTER TABLE failures ADD COLUMN IF NOT EXISTS line INTEGER;
-- Point lookups of the API (tidings serve: an event, its mentions, an article and its spans).
-- Non-unique ART indexes: without them each lookup scans the table (~100 ms at 1M events).
CREATE INDEX IF NOT EXISTS events_event_id ON events (event_id);
CREATE INDEX IF NOT EXISTS mentions_event_id ON mentions (event_id);
CREATE INDEX IF NOT EXISTS mentions_doc_id ON mentions (doc_id);
CREATE INDEX IF NOT EXISTS articles_doc_id ON articles (doc_id);
CREATE INDEX IF NOT EXISTS actors_doc_id ON actors (doc_id);
