-- Joint investigations and regional operations: the current state of each (operation) and every
-- event of its life (operation_event), results included. An event id is stored once: a redelivered
-- event changes nothing.

CREATE TABLE operation (
    id          text PRIMARY KEY,
    name        text        NOT NULL,
    kind        text,
    task_force  text,
    countries   text        NOT NULL DEFAULT '',
    status      text        NOT NULL,
    opened_at   timestamptz,
    last_event_at timestamptz,
    -- What the seed says of an operation it gives no event dates for ("41 in 2008").
    reported_year integer
);

CREATE TABLE operation_event (
    id           uuid PRIMARY KEY,
    operation_id text NOT NULL REFERENCES operation (id),
    type         text NOT NULL,
    occurred_at  timestamptz,
    place        text,
    country      text,
    arrests      integer,
    seizures     text,
    amount_eur   bigint
);

CREATE INDEX operation_event_by_operation ON operation_event (operation_id, occurred_at);
