-- Live counters: one table per family of dimensions, each counted per minute, hour, day and year
-- (grain) of the moment the exchange occurred (UTC). Rows are only ever incremented, by upserts.

CREATE TABLE scope_channel_count (
    grain   text        NOT NULL CHECK (grain IN ('MINUTE', 'HOUR', 'DAY', 'YEAR')),
    bucket  timestamptz NOT NULL,
    scope   text        NOT NULL,
    channel text        NOT NULL,
    n       bigint      NOT NULL,
    PRIMARY KEY (grain, bucket, scope, channel)
);

CREATE TABLE crime_kind_count (
    grain      text        NOT NULL CHECK (grain IN ('MINUTE', 'HOUR', 'DAY', 'YEAR')),
    bucket     timestamptz NOT NULL,
    crime_area text        NOT NULL,
    kind       text        NOT NULL,
    n          bigint      NOT NULL,
    PRIMARY KEY (grain, bucket, crime_area, kind)
);

CREATE TABLE task_force_count (
    grain      text        NOT NULL CHECK (grain IN ('MINUTE', 'HOUR', 'DAY', 'YEAR')),
    bucket     timestamptz NOT NULL,
    task_force text        NOT NULL,
    n          bigint      NOT NULL,
    PRIMARY KEY (grain, bucket, task_force)
);

CREATE TABLE flow_count (
    grain      text        NOT NULL CHECK (grain IN ('MINUTE', 'HOUR', 'DAY', 'YEAR')),
    bucket     timestamptz NOT NULL,
    from_party text        NOT NULL,
    to_party   text        NOT NULL,
    n          bigint      NOT NULL,
    PRIMARY KEY (grain, bucket, from_party, to_party)
);

-- The consumer's position, written in the same transaction as the counters it produced: the
-- aggregator resumes from here, so a crash between counting and committing loses and repeats nothing.
CREATE TABLE consumer_offset (
    topic           text        NOT NULL,
    kafka_partition integer     NOT NULL,
    next_offset     bigint      NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, kafka_partition)
);

-- Ids already counted, for clients that resend. Partitioned by the day of counting, so forgetting a
-- day is a DROP of its partition; the partitions themselves are made and dropped by the application.
CREATE TABLE counted_exchange (
    id         uuid NOT NULL,
    counted_on date NOT NULL,
    PRIMARY KEY (id, counted_on)
) PARTITION BY RANGE (counted_on);
