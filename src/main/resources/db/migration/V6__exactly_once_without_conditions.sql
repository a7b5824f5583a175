-- Ids are remembered by the day their exchange was appended to the log (the record's time), not the day
-- it was counted: the same for a redelivery, a retry or another replica. A day is forgotten only once
-- counting has passed it by more than the lateness window, so a resend is never counted twice.
ALTER TABLE counted_exchange RENAME COLUMN counted_on TO appended_on;

-- How far counting has come in each partition, in record time: what the de-duplication window keeps.
ALTER TABLE consumer_offset ADD COLUMN counted_through timestamptz;

-- Dead letters are written in the transaction that decides them and sent to the dead-letter topic
-- afterwards: a dead-letter topic that is down never holds counting up, and nothing is sent twice by a
-- retried batch. The origin (topic-partition@offset) names a record once.
CREATE TABLE dead_letter (
    id         bigserial PRIMARY KEY,
    origin     text        NOT NULL UNIQUE,
    record_key text,
    value      bytea,
    reason     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Arrests were cut to integer.
ALTER TABLE operation_event ALTER COLUMN arrests TYPE bigint;

-- Years whose totals an administrator imported from an archive: the only way a closed year changes.
CREATE TABLE archived_year (
    year        integer PRIMARY KEY,
    imported_at timestamptz NOT NULL DEFAULT now()
);
