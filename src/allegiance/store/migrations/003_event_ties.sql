-- Dyad-period ties aggregated from event data (GDELT), one row per import, directed dyad and period.
-- Written by `allegiance import gdelt`; the claims drawn from them live in `claims` as usual.
-- Counts and Goldstein sums per event class: cooperation = QuadClass 1-2, conflict = 3-4,
-- fighting = CAMEO roots 19-20, milcoop = military cooperation, aid = military aid (072);
-- the codes are in allegiance/data/events/gdelt.toml. first/last = lowest/highest GLOBALEVENTID.
CREATE TABLE event_ties (
    document_id             TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    source                  TEXT NOT NULL,     -- Actor1's state, ISO3
    target                  TEXT NOT NULL,     -- Actor2's state, ISO3
    period                  TEXT NOT NULL,     -- 'YYYY-MM' or 'YYYY'
    year                    INTEGER NOT NULL,
    events                  INTEGER NOT NULL,
    goldstein               REAL NOT NULL,
    first_day               INTEGER,           -- SQLDATE, YYYYMMDD
    last_day                INTEGER,
    cooperation_events      INTEGER NOT NULL,
    cooperation_goldstein   REAL NOT NULL,
    conflict_events         INTEGER NOT NULL,
    conflict_goldstein      REAL NOT NULL,
    fighting_events         INTEGER NOT NULL,
    fighting_goldstein      REAL NOT NULL,
    fighting_first_event    INTEGER,
    fighting_first_url      TEXT,
    fighting_last_event     INTEGER,
    fighting_last_url       TEXT,
    milcoop_events          INTEGER NOT NULL,
    milcoop_goldstein       REAL NOT NULL,
    milcoop_first_event     INTEGER,
    milcoop_first_url       TEXT,
    milcoop_last_event      INTEGER,
    milcoop_last_url        TEXT,
    aid_events              INTEGER NOT NULL,
    aid_goldstein           REAL NOT NULL,
    aid_first_event         INTEGER,
    aid_first_url           TEXT,
    aid_last_event          INTEGER,
    aid_last_url            TEXT,
    PRIMARY KEY (document_id, source, target, period)
);
CREATE INDEX event_ties_dyad ON event_ties (source, target, year);
CREATE INDEX event_ties_target ON event_ties (target, year);
