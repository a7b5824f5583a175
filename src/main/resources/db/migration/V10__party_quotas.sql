-- What each party has used of its quotas, per window (ingest.PartyQuotas): exchanges per minute, operations
-- opened and operation events per day. Shared by every replica; windows older than two days are deleted.
CREATE TABLE party_quota (
    party        text        NOT NULL,
    quota        text        NOT NULL,
    window_start timestamptz NOT NULL,
    used         bigint      NOT NULL,
    PRIMARY KEY (party, quota, window_start)
);

CREATE INDEX party_quota_by_window ON party_quota (window_start);
