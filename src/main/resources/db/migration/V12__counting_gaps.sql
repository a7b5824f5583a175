-- Records deleted from the exchange topic (its retention) before counting reached them: counting stops at such a
-- gap and says so (aggregate.CountingGaps) until an administrator accepts the loss, which moves the stored
-- position to the log's start. Kept for the record: who accepted how many lost records, and when.
CREATE TABLE counting_gap (
    topic           text        NOT NULL,
    kafka_partition integer     NOT NULL,
    stored_offset   bigint      NOT NULL,
    log_start       bigint      NOT NULL,
    found_at        timestamptz NOT NULL DEFAULT now(),
    accepted_by     text,
    accepted_at     timestamptz,
    PRIMARY KEY (topic, kafka_partition, stored_offset)
);
