WITH "t9" AS (
  SELECT
    "t8"."source",
    "t8"."target",
    "t8"."pkey",
    SUM("t8"."events") AS "events",
    COALESCE(SUM("t8"."tenths"), 0) / 10.0 AS "goldstein",
    MIN("t8"."first_day") AS "first_day",
    MAX("t8"."last_day") AS "last_day",
    SUM(CASE WHEN (
      "t8"."kind" & 1
    ) <> 0 THEN "t8"."events" ELSE 0 END) AS "cooperation_events",
    COALESCE(SUM("t8"."tenths") FILTER(WHERE
      (
        "t8"."kind" & 1
      ) <> 0), 0) / 10.0 AS "cooperation_goldstein",
    SUM(CASE WHEN (
      "t8"."kind" & 2
    ) <> 0 THEN "t8"."events" ELSE 0 END) AS "conflict_events",
    COALESCE(SUM("t8"."tenths") FILTER(WHERE
      (
        "t8"."kind" & 2
      ) <> 0), 0) / 10.0 AS "conflict_goldstein",
    SUM(CASE WHEN (
      "t8"."kind" & 4
    ) <> 0 THEN "t8"."events" ELSE 0 END) AS "fighting_events",
    COALESCE(SUM("t8"."tenths") FILTER(WHERE
      (
        "t8"."kind" & 4
      ) <> 0), 0) / 10.0 AS "fighting_goldstein",
    MIN("t8"."first_event") FILTER(WHERE
      (
        "t8"."kind" & 4
      ) <> 0) AS "fighting_first_event",
    MAX("t8"."last_event") FILTER(WHERE
      (
        "t8"."kind" & 4
      ) <> 0) AS "fighting_last_event",
    SUM(CASE WHEN (
      "t8"."kind" & 8
    ) <> 0 THEN "t8"."events" ELSE 0 END) AS "milcoop_events",
    COALESCE(SUM("t8"."tenths") FILTER(WHERE
      (
        "t8"."kind" & 8
      ) <> 0), 0) / 10.0 AS "milcoop_goldstein",
    MIN("t8"."first_event") FILTER(WHERE
      (
        "t8"."kind" & 8
      ) <> 0) AS "milcoop_first_event",
    MAX("t8"."last_event") FILTER(WHERE
      (
        "t8"."kind" & 8
      ) <> 0) AS "milcoop_last_event",
    SUM(CASE WHEN (
      "t8"."kind" & 16
    ) <> 0 THEN "t8"."events" ELSE 0 END) AS "aid_events",
    COALESCE(SUM("t8"."tenths") FILTER(WHERE
      (
        "t8"."kind" & 16
      ) <> 0), 0) / 10.0 AS "aid_goldstein",
    MIN("t8"."first_event") FILTER(WHERE
      (
        "t8"."kind" & 16
      ) <> 0) AS "aid_first_event",
    MAX("t8"."last_event") FILTER(WHERE
      (
        "t8"."kind" & 16
      ) <> 0) AS "aid_last_event"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t6"."pkey",
        "t6"."kind",
        "t6"."events",
        "t6"."tenths",
        "t6"."first_day",
        "t6"."last_day",
        "t6"."first_event",
        "t6"."last_event",
        CASE WHEN "t2"."code" IS NULL THEN "t6"."source" ELSE "t2"."iso3" END AS "source",
        CASE WHEN "t3"."code" IS NULL THEN "t6"."target" ELSE "t3"."iso3" END AS "target"
      FROM (
        SELECT
          "t4"."Actor1CountryCode" AS "source",
          "t4"."Actor2CountryCode" AS "target",
          "t4"."pkey",
          "t4"."kind",
          COUNT(*) AS "events",
          SUM("t4"."tenths") AS "tenths",
          MIN("t4"."SQLDATE") AS "first_day",
          MAX("t4"."SQLDATE") AS "last_day",
          MIN("t4"."GLOBALEVENTID") AS "first_event",
          MAX("t4"."GLOBALEVENTID") AS "last_event"
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
            CAST(ROUND("t0"."GoldsteinScale" * 10, CAST(0 AS INT)) AS DOUBLE) AS "tenths",
            CAST(CASE WHEN (
              "t0"."QuadClass" = 1
            ) OR (
              "t0"."QuadClass" = 2
            ) THEN 1 ELSE 0 END + CASE WHEN (
              "t0"."QuadClass" = 3
            ) OR (
              "t0"."QuadClass" = 4
            ) THEN 2 ELSE 0 END + CASE
              WHEN (
                "t0"."EventRootCode" = '19'
              ) OR (
                "t0"."EventRootCode" = '20'
              )
              THEN 4
              ELSE 0
            END + CASE
              WHEN (
                "t0"."EventCode" = '0312'
              )
              OR (
                "t0"."EventCode" = '0314'
              )
              OR (
                "t0"."EventCode" = '0332'
              )
              OR (
                "t0"."EventCode" = '062'
              )
              OR (
                "t0"."EventCode" = '064'
              )
              OR (
                "t0"."EventCode" = '072'
              )
              THEN 8
              ELSE 0
            END + CASE WHEN "t0"."EventCode" = '072' THEN 16 ELSE 0 END AS INT) AS "kind"
          FROM "events" AS "t0"
          WHERE
            "t0"."Actor1CountryCode" IS NOT NULL
            AND "t0"."Actor2CountryCode" IS NOT NULL
            AND "t0"."Actor1CountryCode" <> ''
            AND "t0"."Actor2CountryCode" <> ''
            AND "t0"."Actor1CountryCode" <> "t0"."Actor2CountryCode"
        ) AS "t4"
        GROUP BY
          1,
          2,
          3,
          4
      ) AS "t6"
      LEFT OUTER JOIN "cameo_exceptions" AS "t2"
        ON "t6"."source" = "t2"."code"
      LEFT OUTER JOIN "cameo_exceptions" AS "t3"
        ON "t6"."target" = "t3"."code"
    ) AS "t7"
    WHERE
      "t7"."source" <> '' AND "t7"."target" <> '' AND "t7"."source" <> "t7"."target"
  ) AS "t8"
  GROUP BY
    1,
    2,
    3
), "t25" AS (
  SELECT
    "t24"."GLOBALEVENTID" AS "id",
    MIN(COALESCE("t24"."SOURCEURL", '')) AS "url"
  FROM (
    SELECT
      *
    FROM "events" AS "t0"
    WHERE
      "t0"."GLOBALEVENTID" IN (
        SELECT
          *
        FROM (
          SELECT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                "t10"."aid_first_event" AS "id"
              FROM "t9" AS "t10"
            ) AS "t12"
            UNION
            SELECT
              *
            FROM (
              SELECT
                "t10"."aid_last_event" AS "id"
              FROM "t9" AS "t10"
            ) AS "t13"
          ) AS "t18"
          UNION
          SELECT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t10"."fighting_first_event" AS "id"
                FROM "t9" AS "t10"
              ) AS "t14"
              UNION
              SELECT
                *
              FROM (
                SELECT
                  "t10"."fighting_last_event" AS "id"
                FROM "t9" AS "t10"
              ) AS "t15"
            ) AS "t19"
            UNION
            SELECT
              *
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t10"."milcoop_first_event" AS "id"
                FROM "t9" AS "t10"
              ) AS "t16"
              UNION
              SELECT
                *
              FROM (
                SELECT
                  "t10"."milcoop_last_event" AS "id"
                FROM "t9" AS "t10"
              ) AS "t17"
            ) AS "t20"
          ) AS "t21"
        ) AS "t22"
        WHERE
          "t22"."id" IS NOT NULL
      )
  ) AS "t24"
  GROUP BY
    1
)
SELECT
  "t33"."source",
  "t33"."target",
  CAST(CAST(CAST(FLOOR((
    "t33"."pkey"
  ) / (
    100
  )) AS BIGINT) AS INT) AS TEXT) || '-' || CASE
    WHEN 2 <= LENGTH(CAST("t33"."pkey" % 100 AS TEXT))
    THEN CAST("t33"."pkey" % 100 AS TEXT)
    ELSE REPEAT('0', 2 - LENGTH(CAST("t33"."pkey" % 100 AS TEXT))) || CAST("t33"."pkey" % 100 AS TEXT)
  END AS "period",
  CAST(CAST(FLOOR((
    "t33"."pkey"
  ) / (
    100
  )) AS BIGINT) AS INT) AS "year",
  "t33"."events",
  "t33"."goldstein",
  "t33"."first_day",
  "t33"."last_day",
  "t33"."cooperation_events",
  "t33"."cooperation_goldstein",
  "t33"."conflict_events",
  "t33"."conflict_goldstein",
  "t33"."fighting_events",
  "t33"."fighting_goldstein",
  "t33"."fighting_first_event",
  "t33"."fighting_first_url",
  "t33"."fighting_last_event",
  "t33"."fighting_last_url",
  "t33"."milcoop_events",
  "t33"."milcoop_goldstein",
  "t33"."milcoop_first_event",
  "t33"."milcoop_first_url",
  "t33"."milcoop_last_event",
  "t33"."milcoop_last_url",
  "t33"."aid_events",
  "t33"."aid_goldstein",
  "t33"."aid_first_event",
  "t33"."aid_first_url",
  "t33"."aid_last_event",
  "t33"."aid_last_url"
FROM (
  SELECT
    "t11"."source",
    "t11"."target",
    "t11"."pkey",
    "t11"."events",
    "t11"."goldstein",
    "t11"."first_day",
    "t11"."last_day",
    "t11"."cooperation_events",
    "t11"."cooperation_goldstein",
    "t11"."conflict_events",
    "t11"."conflict_goldstein",
    "t11"."fighting_events",
    "t11"."fighting_goldstein",
    "t11"."fighting_first_event",
    "t11"."fighting_last_event",
    "t11"."milcoop_events",
    "t11"."milcoop_goldstein",
    "t11"."milcoop_first_event",
    "t11"."milcoop_last_event",
    "t11"."aid_events",
    "t11"."aid_goldstein",
    "t11"."aid_first_event",
    "t11"."aid_last_event",
    "t27"."url" AS "fighting_first_url",
    "t28"."url" AS "fighting_last_url",
    "t29"."url" AS "milcoop_first_url",
    "t30"."url" AS "milcoop_last_url",
    "t31"."url" AS "aid_first_url",
    "t32"."url" AS "aid_last_url"
  FROM "t9" AS "t11"
  LEFT OUTER JOIN "t25" AS "t27"
    ON "t11"."fighting_first_event" = "t27"."id"
  LEFT OUTER JOIN "t25" AS "t28"
    ON "t11"."fighting_last_event" = "t28"."id"
  LEFT OUTER JOIN "t25" AS "t29"
    ON "t11"."milcoop_first_event" = "t29"."id"
  LEFT OUTER JOIN "t25" AS "t30"
    ON "t11"."milcoop_last_event" = "t30"."id"
  LEFT OUTER JOIN "t25" AS "t31"
    ON "t11"."aid_first_event" = "t31"."id"
  LEFT OUTER JOIN "t25" AS "t32"
    ON "t11"."aid_last_event" = "t32"."id"
) AS "t33"
ORDER BY
  "t33"."source" ASC,
  "t33"."target" ASC,
  CAST(CAST(CAST(FLOOR((
    "t33"."pkey"
  ) / (
    100
  )) AS BIGINT) AS INT) AS TEXT) || '-' || CASE
    WHEN 2 <= LENGTH(CAST("t33"."pkey" % 100 AS TEXT))
    THEN CAST("t33"."pkey" % 100 AS TEXT)
    ELSE REPEAT('0', 2 - LENGTH(CAST("t33"."pkey" % 100 AS TEXT))) || CAST("t33"."pkey" % 100 AS TEXT)
  END ASC
