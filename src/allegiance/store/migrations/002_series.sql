-- Numbers from datasets that are not claims: yearly series per state (SIPRI
-- military expenditure) and the per-record values of supply datasets (SIPRI
-- TIV), each tied to the dataset document, and for records to the evidence row.
CREATE TABLE series (
    document_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    actor        TEXT NOT NULL,
    measure      TEXT NOT NULL,          -- e.g. milex_constant_usd_m, milex_share_of_gdp
    year         INTEGER NOT NULL,
    value        REAL NOT NULL,
    unit         TEXT NOT NULL,          -- e.g. 'constant 2022 US$ m', 'fraction of GDP'
    row          INTEGER NOT NULL,       -- 1-based line of the file
    PRIMARY KEY (document_id, actor, measure, year)
);
CREATE INDEX series_actor ON series (actor, measure, year);

CREATE TABLE transfer_records (
    document_id     TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    row             INTEGER NOT NULL,    -- the evidence row this record supports
    supplier        TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    weapon          TEXT NOT NULL,
    category        TEXT,
    order_year      INTEGER,
    ordered         INTEGER,
    delivered       INTEGER,
    delivery_years  TEXT NOT NULL DEFAULT '',   -- space-separated years
    tiv_per_unit    REAL,                -- millions of SIPRI TIV
    tiv_order       REAL,
    tiv_delivered   REAL,
    status          TEXT,
    PRIMARY KEY (document_id, row)
);
CREATE INDEX transfer_records_recipient ON transfer_records (recipient, order_year);

-- Finding "the same transfer within a year" scans a supplier's claims on every
-- insert; with the pair and weapon indexed a 30,000-row register imports in seconds.
CREATE INDEX claims_transfer ON claims (subject, object, weapon) WHERE kind = 'supply';
