-- The claim store: documents, the claims they support, and the evidence between them.
CREATE TABLE documents (
    id          TEXT PRIMARY KEY,          -- SHA-256 of the text (articles) or bytes (datasets)
    kind        TEXT NOT NULL CHECK (kind IN ('article', 'dataset', 'reference')),
    title       TEXT NOT NULL,
    publisher   TEXT,
    published   TEXT,                      -- ISO date
    url         TEXT,
    path        TEXT,
    licence     TEXT,
    version     TEXT,
    text        TEXT NOT NULL DEFAULT '',
    added_at    TEXT NOT NULL
);

CREATE TABLE claims (
    id              INTEGER PRIMARY KEY,
    key             TEXT NOT NULL UNIQUE,  -- kind|subject|object[|weapon|year]: one fact, one row
    kind            TEXT NOT NULL CHECK (kind IN ('supply', 'membership', 'hostility', 'affinity')),
    subject         TEXT NOT NULL,
    object          TEXT NOT NULL,
    start_year      INTEGER,
    end_year        INTEGER,
    weapon          TEXT,
    category        TEXT,
    quantity        INTEGER,
    delivered       INTEGER,
    delivery_years  TEXT NOT NULL DEFAULT '',   -- space-separated years
    status          TEXT,
    value           REAL,
    value_unit      TEXT,
    relation        TEXT,
    confidence      REAL NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX claims_subject ON claims (subject, kind);
CREATE INDEX claims_object ON claims (object, kind);

CREATE TABLE evidence (
    id           INTEGER PRIMARY KEY,
    claim_id     INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    document_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start_char   INTEGER,
    end_char     INTEGER,
    text         TEXT,
    row          INTEGER,
    method       TEXT NOT NULL,
    confidence   REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    status       TEXT,
    since        INTEGER,
    until        INTEGER,
    review       TEXT NOT NULL DEFAULT 'proposed'
                 CHECK (review IN ('proposed', 'accepted', 'rejected')),
    CHECK (start_char IS NOT NULL OR row IS NOT NULL)
);
CREATE INDEX evidence_claim ON evidence (claim_id);
CREATE INDEX evidence_document ON evidence (document_id);
-- The same span or row of one document supports a claim once.
CREATE UNIQUE INDEX evidence_once ON evidence (
    claim_id, document_id, coalesce(start_char, -1), coalesce(end_char, -1), coalesce(row, -1)
);

-- The audit trail: every accept / reject, who made it and when.
CREATE TABLE reviews (
    id           INTEGER PRIMARY KEY,
    claim_id     INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    evidence_id  INTEGER REFERENCES evidence (id) ON DELETE CASCADE,
    decision     TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected', 'proposed')),
    reviewer     TEXT NOT NULL,
    at           TEXT NOT NULL,
    note         TEXT
);
CREATE INDEX reviews_claim ON reviews (claim_id);
