"""The DuckDB schema of a kroniek store, and its version.

Design: a *page* is one capture (keyed by the SHA-256 of its content, so ingest is
idempotent); an *article* is one news item keyed by the SHA-256 of its normalised
headline, dateline and text, so the same wire brief printed on many pages is stored once;
a *sighting* ties an article to every page (and part of that page) that carried it.
Sentences, mentions and events hang off the article, so they are stored once too.
A *near-duplicate* (a lightly edited version of a stored item: MinHash LSH over word
shingles, decided by exact Jaccard) is stored as a sighting of the item it repeats plus a
*version* row with its own text; only events and figures the version adds are stored.
*Quantities* are the reported figures; *stories* link events across documents.
Times are stored as UTC in TIMESTAMP columns (naive by convention).
"""

from __future__ import annotations

SCHEMA_VERSION = 4
# versions a writable open upgrades in place: DDL adds the tables they lack, UPGRADE the columns
UPGRADABLE = ("1", "2", "3")

TABLES = (
    "meta",
    "pages",
    "articles",
    "sightings",
    "sentences",
    "mentions",
    "events",
    "failures",
    "versions",
    "quantities",
    "stories",
    "story_events",
)

DDL = """
CREATE TABLE IF NOT EXISTS meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS pages (
    content_hash    VARCHAR PRIMARY KEY,      -- SHA-256 of the page text (or HTML)
    doc             VARCHAR NOT NULL,         -- file stem or record id
    source          VARCHAR NOT NULL,         -- path as given (+ "#line" for JSONL)
    url             VARCHAR,
    fetched_at      TIMESTAMP,                -- UTC
    fetched_at_from VARCHAR NOT NULL,         -- option | record | captures | mtime | none
    language        VARCHAR,
    n_articles      INTEGER NOT NULL,
    warnings        VARCHAR[] NOT NULL,
    rules_sha256    VARCHAR NOT NULL,         -- fingerprint of the dictionaries used
    ingested_at     TIMESTAMP NOT NULL        -- UTC
);

CREATE TABLE IF NOT EXISTS articles (
    article_id          VARCHAR PRIMARY KEY,  -- SHA-256 of normalised headline+dateline+text
    headline            VARCHAR,
    dateline            VARCHAR,
    agencies            VARCHAR[] NOT NULL,
    text                VARCHAR NOT NULL,
    published           TIMESTAMP,            -- UTC, from the first page that carried it
    published_precision VARCHAR,
    first_seen          TIMESTAMP NOT NULL    -- UTC ingest time of that first page
);

CREATE TABLE IF NOT EXISTS sightings (
    article_id   VARCHAR NOT NULL REFERENCES articles (article_id),
    content_hash VARCHAR NOT NULL REFERENCES pages (content_hash),
    doc          VARCHAR NOT NULL,
    part         VARCHAR NOT NULL,            -- main | brief:K
    ago          VARCHAR,                     -- relative time as printed on this page
    published    TIMESTAMP,                   -- publication time as derived on this page
    fetched_at   TIMESTAMP,
    PRIMARY KEY (content_hash, part)
);
CREATE INDEX IF NOT EXISTS sightings_article ON sightings (article_id);  -- where an event was seen

CREATE TABLE IF NOT EXISTS sentences (
    article_id VARCHAR NOT NULL REFERENCES articles (article_id),
    idx        INTEGER NOT NULL,              -- Sentence.index (headline first)
    field      VARCHAR NOT NULL,              -- headline | text
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    parsed     BOOLEAN NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id  VARCHAR NOT NULL REFERENCES articles (article_id),
    idx         INTEGER NOT NULL,             -- position in the article's mention list
    code        VARCHAR NOT NULL,
    sector      VARCHAR,
    text        VARCHAR NOT NULL,
    field       VARCHAR NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    sentence    INTEGER NOT NULL,             -- Sentence.index
    token_first INTEGER NOT NULL,
    token_last  INTEGER NOT NULL,
    rule        VARCHAR NOT NULL,
    person      VARCHAR,
    role        VARCHAR,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS events (
    event_id             VARCHAR PRIMARY KEY, -- SHA-256, see dedup.event_id()
    article_id           VARCHAR NOT NULL REFERENCES articles (article_id),
    idx                  INTEGER NOT NULL,    -- position in the article's event list
    src                  VARCHAR NOT NULL,
    src_sector           VARCHAR,
    src_text             VARCHAR NOT NULL,
    tgt                  VARCHAR NOT NULL,
    tgt_sector           VARCHAR,
    tgt_text             VARCHAR NOT NULL,
    type                 VARCHAR NOT NULL,    -- PLOVER type
    mode                 VARCHAR,
    cameo                VARCHAR NOT NULL,
    goldstein            DOUBLE NOT NULL,
    quad_class           INTEGER NOT NULL,
    fact                 VARCHAR NOT NULL,    -- asserted | future | negated | alleged
    sentence             VARCHAR NOT NULL,
    field                VARCHAR NOT NULL,
    span_start           INTEGER NOT NULL,
    span_end             INTEGER NOT NULL,
    trigger              VARCHAR NOT NULL,
    rule                 VARCHAR NOT NULL,
    attributed_to        VARCHAR,
    event_date           VARCHAR,             -- as coded: YYYY-MM-DD, YYYY-MM or YYYY
    event_date_precision VARCHAR,
    date_from            DATE,                -- first and last day event_date covers
    date_to              DATE,
    trigger_start        INTEGER,             -- offsets of the trigger token in the field;
    trigger_end          INTEGER,             -- NULL: not known (stored by schema 3 or older)
    sentence_idx         INTEGER,             -- Sentence.index in the text it was coded from,
    trigger_token        INTEGER,             -- 1-based trigger token in that sentence,
    version_id           VARCHAR              -- that text (= article_id if original; a version
                                              -- has no sentence rows); NULL: schema 3 or older
);

CREATE TABLE IF NOT EXISTS failures (
    source       VARCHAR NOT NULL,
    reason       VARCHAR NOT NULL,
    seen_at      TIMESTAMP NOT NULL,          -- UTC, first time
    last_seen_at TIMESTAMP NOT NULL,
    times        INTEGER NOT NULL,
    PRIMARY KEY (source, reason)
);

CREATE TABLE IF NOT EXISTS signatures (        -- MinHash of every article and version
    article_id VARCHAR PRIMARY KEY,             -- articles.article_id or versions.version_id
    hashvalues UINTEGER[] NOT NULL
);

CREATE TABLE IF NOT EXISTS versions (
    version_id   VARCHAR PRIMARY KEY,           -- article_id() of the version's own text
    article_id   VARCHAR NOT NULL REFERENCES articles (article_id),  -- the item it repeats
    similarity   DOUBLE NOT NULL,               -- Jaccard of word 3-grams with that item
    headline     VARCHAR,
    dateline     VARCHAR,
    text         VARCHAR NOT NULL,
    published    TIMESTAMP,
    content_hash VARCHAR NOT NULL,              -- page that first carried this version
    part         VARCHAR NOT NULL,
    first_seen   TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS quantities (
    article_id   VARCHAR NOT NULL REFERENCES articles (article_id),
    version_id   VARCHAR NOT NULL,              -- the text it was read from (= article_id if original)
    idx          INTEGER NOT NULL,              -- position in that text's quantity list
    event_ids    VARCHAR[] NOT NULL,            -- events of the same sentence
    value        DOUBLE NOT NULL,
    low          DOUBLE,
    high         DOUBLE,
    unit         VARCHAR NOT NULL,
    approx       VARCHAR,
    text         VARCHAR NOT NULL,
    field        VARCHAR NOT NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    sentence_idx INTEGER NOT NULL,
    sentence     VARCHAR NOT NULL,
    reported_by  VARCHAR,
    actors       VARCHAR[] NOT NULL,            -- actor codes of the sentence, nearest first
    rule         VARCHAR,
    published    TIMESTAMP,                     -- UTC, of the text it was read from
    PRIMARY KEY (version_id, idx)
);

CREATE TABLE IF NOT EXISTS stories (
    story_id  INTEGER PRIMARY KEY,
    side_a    VARCHAR NOT NULL,                 -- the dyad, unordered (side_a <= side_b)
    side_b    VARCHAR NOT NULL,
    family    VARCHAR NOT NULL,                 -- cooperation | conflict
    first_day DATE NOT NULL,
    last_day  DATE NOT NULL,
    events    INTEGER NOT NULL,
    articles  INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS event_days (          -- derived, see store/days.py
    event_id   VARCHAR NOT NULL,                -- events.event_id
    article_id VARCHAR NOT NULL,
    src        VARCHAR NOT NULL,
    tgt        VARCHAR NOT NULL,
    type       VARCHAR NOT NULL,
    quad_class INTEGER NOT NULL,
    fact       VARCHAR NOT NULL,
    goldstein  DOUBLE NOT NULL,
    day        DATE,                            -- NULL: undated
    doc        VARCHAR,                         -- the first page that carried the article:
    part       VARCHAR,                         -- its doc and part,
    url        VARCHAR                          -- and its web address (http/https only)
);
CREATE INDEX IF NOT EXISTS event_days_event ON event_days (event_id);

CREATE TABLE IF NOT EXISTS story_events (
    event_id VARCHAR PRIMARY KEY,               -- events.event_id
    story_id INTEGER NOT NULL,
    day      DATE NOT NULL                      -- the day the event was placed on
);
"""

# columns added since a table was created (version 4: events.trigger_start, trigger_end,
# sentence_idx, trigger_token, version_id); new columns go last, so a created and an upgraded
# table have the same column order
UPGRADE = """
ALTER TABLE events ADD COLUMN IF NOT EXISTS trigger_start INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS trigger_end INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS sentence_idx INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS trigger_token INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS version_id VARCHAR;
"""
