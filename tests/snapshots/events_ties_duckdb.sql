SELECT
  "t5"."source",
  "t5"."target",
  CAST(CAST(CAST(FLOOR((
    "t5"."pkey"
  ) / (
    100
  )) AS BIGINT) AS INT) AS TEXT) || '-' || CASE
    WHEN 2 <= LENGTH(CAST("t5"."pkey" % 100 AS TEXT))
    THEN CAST("t5"."pkey" % 100 AS TEXT)
    ELSE REPEAT('0', 2 - LENGTH(CAST("t5"."pkey" % 100 AS TEXT))) || CAST("t5"."pkey" % 100 AS TEXT)
  END AS "period",
  CAST(CAST(FLOOR((
    "t5"."pkey"
  ) / (
    100
  )) AS BIGINT) AS INT) AS "year",
  "t5"."events",
  "t5"."goldstein",
  "t5"."first_day",
  "t5"."last_day",
  "t5"."cooperation_events",
  "t5"."cooperation_goldstein",
  "t5"."conflict_events",
  "t5"."conflict_goldstein",
  "t5"."fighting_events",
  "t5"."fighting_goldstein",
  "t5"."fighting_first_event",
  "t5"."fighting_first_url",
  "t5"."fighting_last_event",
  "t5"."fighting_last_url",
  "t5"."milcoop_events",
  "t5"."milcoop_goldstein",
  "t5"."milcoop_first_event",
  "t5"."milcoop_first_url",
  "t5"."milcoop_last_event",
  "t5"."milcoop_last_url",
  "t5"."aid_events",
  "t5"."aid_goldstein",
  "t5"."aid_first_event",
  "t5"."aid_first_url",
  "t5"."aid_last_event",
  "t5"."aid_last_url"
FROM (
  SELECT
    "t4"."source",
    "t4"."target",
    "t4"."pkey",
    SUM("t4"."events") AS "events",
    CAST(COALESCE(SUM("t4"."tenths"), 0) AS DOUBLE) / 10.0 AS "goldstein",
    MIN("t4"."first_day") AS "first_day",
    MAX("t4"."last_day") AS "last_day",
    SUM("t4"."cooperation_events") AS "cooperation_events",
    CAST(COALESCE(SUM("t4"."cooperation_tenths"), 0) AS DOUBLE) / 10.0 AS "cooperation_goldstein",
    SUM("t4"."conflict_events") AS "conflict_events",
    CAST(COALESCE(SUM("t4"."conflict_tenths"), 0) AS DOUBLE) / 10.0 AS "conflict_goldstein",
    SUM("t4"."fighting_events") AS "fighting_events",
    CAST(COALESCE(SUM("t4"."fighting_tenths"), 0) AS DOUBLE) / 10.0 AS "fighting_goldstein",
    MIN("t4"."fighting_first_event") AS "fighting_first_event",
    FIRST("t4"."fighting_first_url" ORDER BY "t4"."fighting_first_event") AS "fighting_first_url",
    MAX("t4"."fighting_last_event") AS "fighting_last_event",
    FIRST("t4"."fighting_last_url" ORDER BY "t4"."fighting_last_event" DESC) AS "fighting_last_url",
    SUM("t4"."milcoop_events") AS "milcoop_events",
    CAST(COALESCE(SUM("t4"."milcoop_tenths"), 0) AS DOUBLE) / 10.0 AS "milcoop_goldstein",
    MIN("t4"."milcoop_first_event") AS "milcoop_first_event",
    FIRST("t4"."milcoop_first_url" ORDER BY "t4"."milcoop_first_event") AS "milcoop_first_url",
    MAX("t4"."milcoop_last_event") AS "milcoop_last_event",
    FIRST("t4"."milcoop_last_url" ORDER BY "t4"."milcoop_last_event" DESC) AS "milcoop_last_url",
    SUM("t4"."aid_events") AS "aid_events",
    CAST(COALESCE(SUM("t4"."aid_tenths"), 0) AS DOUBLE) / 10.0 AS "aid_goldstein",
    MIN("t4"."aid_first_event") AS "aid_first_event",
    FIRST("t4"."aid_first_url" ORDER BY "t4"."aid_first_event") AS "aid_first_url",
    MAX("t4"."aid_last_event") AS "aid_last_event",
    FIRST("t4"."aid_last_url" ORDER BY "t4"."aid_last_event" DESC) AS "aid_last_url"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        CASE "t2"."source"
          WHEN 'ROM'
          THEN 'ROU'
          WHEN 'TMP'
          THEN 'TLS'
          WHEN 'IMY'
          THEN 'IMN'
          WHEN 'MTN'
          THEN 'MNE'
          WHEN 'WSB'
          THEN 'PSE'
          WHEN 'GZS'
          THEN 'PSE'
          WHEN 'BAG'
          THEN 'IRQ'
          ELSE "t2"."source"
        END AS "source",
        CASE "t2"."target"
          WHEN 'ROM'
          THEN 'ROU'
          WHEN 'TMP'
          THEN 'TLS'
          WHEN 'IMY'
          THEN 'IMN'
          WHEN 'MTN'
          THEN 'MNE'
          WHEN 'WSB'
          THEN 'PSE'
          WHEN 'GZS'
          THEN 'PSE'
          WHEN 'BAG'
          THEN 'IRQ'
          ELSE "t2"."target"
        END AS "target",
        "t2"."pkey",
        "t2"."events",
        "t2"."tenths",
        "t2"."first_day",
        "t2"."last_day",
        "t2"."cooperation_events",
        "t2"."cooperation_tenths",
        "t2"."conflict_events",
        "t2"."conflict_tenths",
        "t2"."fighting_events",
        "t2"."fighting_tenths",
        "t2"."fighting_first_event",
        "t2"."fighting_first_url",
        "t2"."fighting_last_event",
        "t2"."fighting_last_url",
        "t2"."milcoop_events",
        "t2"."milcoop_tenths",
        "t2"."milcoop_first_event",
        "t2"."milcoop_first_url",
        "t2"."milcoop_last_event",
        "t2"."milcoop_last_url",
        "t2"."aid_events",
        "t2"."aid_tenths",
        "t2"."aid_first_event",
        "t2"."aid_first_url",
        "t2"."aid_last_event",
        "t2"."aid_last_url"
      FROM (
        SELECT
          "t1"."Actor1CountryCode" AS "source",
          "t1"."Actor2CountryCode" AS "target",
          "t1"."pkey",
          COUNT(*) AS "events",
          SUM("t1"."tenths") AS "tenths",
          MIN("t1"."SQLDATE") AS "first_day",
          MAX("t1"."SQLDATE") AS "last_day",
          COUNT(*) FILTER(WHERE
            "t1"."QuadClass" IN (1, 2)) AS "cooperation_events",
          SUM("t1"."tenths") FILTER(WHERE
            "t1"."QuadClass" IN (1, 2)) AS "cooperation_tenths",
          COUNT(*) FILTER(WHERE
            "t1"."QuadClass" IN (3, 4)) AS "conflict_events",
          SUM("t1"."tenths") FILTER(WHERE
            "t1"."QuadClass" IN (3, 4)) AS "conflict_tenths",
          COUNT(*) FILTER(WHERE
            "t1"."EventRootCode" IN ('19', '20')) AS "fighting_events",
          SUM("t1"."tenths") FILTER(WHERE
            "t1"."EventRootCode" IN ('19', '20')) AS "fighting_tenths",
          MIN("t1"."GLOBALEVENTID") FILTER(WHERE
            "t1"."EventRootCode" IN ('19', '20')) AS "fighting_first_event",
          FIRST("t1"."url" ORDER BY "t1"."GLOBALEVENTID") FILTER(WHERE
            "t1"."EventRootCode" IN ('19', '20')) AS "fighting_first_url",
          MAX("t1"."GLOBALEVENTID") FILTER(WHERE
            "t1"."EventRootCode" IN ('19', '20')) AS "fighting_last_event",
          FIRST("t1"."url" ORDER BY "t1"."GLOBALEVENTID" DESC) FILTER(WHERE
            "t1"."EventRootCode" IN ('19', '20')) AS "fighting_last_url",
          COUNT(*) FILTER(WHERE
            "t1"."EventCode" IN ('0312', '0314', '0332', '062', '064', '072')) AS "milcoop_events",
          SUM("t1"."tenths") FILTER(WHERE
            "t1"."EventCode" IN ('0312', '0314', '0332', '062', '064', '072')) AS "milcoop_tenths",
          MIN("t1"."GLOBALEVENTID") FILTER(WHERE
            "t1"."EventCode" IN ('0312', '0314', '0332', '062', '064', '072')) AS "milcoop_first_event",
          FIRST("t1"."url" ORDER BY "t1"."GLOBALEVENTID") FILTER(WHERE
            "t1"."EventCode" IN ('0312', '0314', '0332', '062', '064', '072')) AS "milcoop_first_url",
          MAX("t1"."GLOBALEVENTID") FILTER(WHERE
            "t1"."EventCode" IN ('0312', '0314', '0332', '062', '064', '072')) AS "milcoop_last_event",
          FIRST("t1"."url" ORDER BY "t1"."GLOBALEVENTID" DESC) FILTER(WHERE
            "t1"."EventCode" IN ('0312', '0314', '0332', '062', '064', '072')) AS "milcoop_last_url",
          COUNT(*) FILTER(WHERE
            "t1"."EventCode" IN ('072')) AS "aid_events",
          SUM("t1"."tenths") FILTER(WHERE
            "t1"."EventCode" IN ('072')) AS "aid_tenths",
          MIN("t1"."GLOBALEVENTID") FILTER(WHERE
            "t1"."EventCode" IN ('072')) AS "aid_first_event",
          FIRST("t1"."url" ORDER BY "t1"."GLOBALEVENTID") FILTER(WHERE
            "t1"."EventCode" IN ('072')) AS "aid_first_url",
          MAX("t1"."GLOBALEVENTID") FILTER(WHERE
            "t1"."EventCode" IN ('072')) AS "aid_last_event",
          FIRST("t1"."url" ORDER BY "t1"."GLOBALEVENTID" DESC) FILTER(WHERE
            "t1"."EventCode" IN ('072')) AS "aid_last_url"
        FROM (
          SELECT
            "t0"."GLOBALEVENTID",
            "t0"."SQLDATE",
            "t0"."MonthYear",
            "t0"."Year",
            "t0"."Actor1CountryCode",
            "t0"."Actor2CountryCode",
            "t0"."EventCode",
            "t0"."EventRootCode",
            "t0"."QuadClass",
            "t0"."GoldsteinScale",
            "t0"."SOURCEURL",
            "t0"."MonthYear" AS "pkey",
            CAST(ROUND("t0"."GoldsteinScale" * 10, 0) AS BIGINT) AS "tenths",
            COALESCE("t0"."SOURCEURL", '') AS "url"
          FROM "events" AS "t0"
          WHERE
            "t0"."Actor1CountryCode" IS NOT NULL
            AND "t0"."Actor2CountryCode" IS NOT NULL
            AND "t0"."Actor1CountryCode" <> ''
            AND "t0"."Actor2CountryCode" <> ''
            AND "t0"."Actor1CountryCode" <> "t0"."Actor2CountryCode"
        ) AS "t1"
        GROUP BY
          1,
          2,
          3
      ) AS "t2"
      WHERE
        NOT (
          "t2"."source" IN (
            'AFR',
            'ASA',
            'BLK',
            'CAS',
            'CAU',
            'CEU',
            'CFR',
            'CRB',
            'EAF',
            'EEU',
            'EIN',
            'EUR',
            'LAM',
            'MDT',
            'MEA',
            'NAF',
            'NMR',
            'PGS',
            'SAF',
            'SAM',
            'SAS',
            'SCN',
            'SEA',
            'WAF',
            'WST'
          )
        )
        AND NOT (
          "t2"."target" IN (
            'AFR',
            'ASA',
            'BLK',
            'CAS',
            'CAU',
            'CEU',
            'CFR',
            'CRB',
            'EAF',
            'EEU',
            'EIN',
            'EUR',
            'LAM',
            'MDT',
            'MEA',
            'NAF',
            'NMR',
            'PGS',
            'SAF',
            'SAM',
            'SAS',
            'SCN',
            'SEA',
            'WAF',
            'WST'
          )
        )
    ) AS "t3"
    WHERE
      "t3"."source" <> "t3"."target"
  ) AS "t4"
  GROUP BY
    1,
    2,
    3
) AS "t5"
ORDER BY
  "t5"."source" ASC,
  "t5"."target" ASC,
  CAST(CAST(CAST(FLOOR((
    "t5"."pkey"
  ) / (
    100
  )) AS BIGINT) AS INT) AS TEXT) || '-' || CASE
    WHEN 2 <= LENGTH(CAST("t5"."pkey" % 100 AS TEXT))
    THEN CAST("t5"."pkey" % 100 AS TEXT)
    ELSE REPEAT('0', 2 - LENGTH(CAST("t5"."pkey" % 100 AS TEXT))) || CAST("t5"."pkey" % 100 AS TEXT)
  END ASC
