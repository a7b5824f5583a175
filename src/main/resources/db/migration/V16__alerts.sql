-- Alerts (alerts.AlertMonitor), one view on every replica: each round (EXCHANGEPULSE_ALERTS_INTERVAL) is judged
-- once, by whichever replica claims it, and what it found is kept, so that every replica lists the same alerts with
-- the same start and a restart forgets none. Kept for EXCHANGEPULSE_ALERTS_HISTORY, forgotten a round at a time by
-- the judging transaction.

-- One row per round judged. A replica claims the round by inserting its row (ON CONFLICT DO NOTHING) in the
-- transaction that writes what the round found: a replica that dies mid-judgement takes its claim with it, and
-- the claim of another, waiting on the key, then succeeds.
CREATE TABLE alert_judgement (
    judged_at  timestamptz PRIMARY KEY,
    holder     text        NOT NULL,
    claimed_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Each alert from the round that raised it (started_at, the "since" every wall shows) to the one that cleared it,
-- with the figures of the latest round that found it. At most one of an id is active.
CREATE TABLE alert (
    id             text             NOT NULL,
    kind           text             NOT NULL,
    subject        text             NOT NULL,
    code           text,
    task_force     text,
    window_seconds bigint           NOT NULL,
    started_at     timestamptz      NOT NULL,
    ended_at       timestamptz,
    observed       bigint           NOT NULL,
    expected       double precision NOT NULL,
    low            double precision NOT NULL,
    high           double precision NOT NULL,
    sigmas         double precision NOT NULL,
    last_year      bigint,
    PRIMARY KEY (id, started_at)
);

CREATE UNIQUE INDEX alert_active ON alert (id) WHERE ended_at IS NULL;
CREATE INDEX alert_ended ON alert (ended_at) WHERE ended_at IS NOT NULL;

-- What each round did to each alert: raised it, found it still raised (with that round's figures), or cleared it
-- (no figures: its subject was back within its band).
CREATE TABLE alert_history (
    judged_at  timestamptz      NOT NULL REFERENCES alert_judgement ON DELETE CASCADE,
    id         text             NOT NULL,
    started_at timestamptz      NOT NULL,
    state      text             NOT NULL CHECK (state IN ('RAISED', 'STILL_RAISED', 'CLEARED')),
    observed   bigint,
    expected   double precision,
    low        double precision,
    high       double precision,
    sigmas     double precision,
    last_year  bigint,
    PRIMARY KEY (judged_at, id)
);
