-- The audit trail (audit.AuditTrail): who did or read what, when, from where, and the outcome; never a token.
-- Partitioned by month and dropped whole past the retention (audit.AuditRepository); append-only: no row is
-- ever changed or deleted, which the triggers below hold to.
CREATE TABLE audit_event (
    id      bigserial   NOT NULL,
    at      timestamptz NOT NULL,
    who     text        NOT NULL,
    party   text,
    via     text        NOT NULL,
    action  text        NOT NULL,
    target  text        NOT NULL,
    source  text,
    status  integer     NOT NULL,
    detail  text,
    PRIMARY KEY (at, id)
) PARTITION BY RANGE (at);

CREATE INDEX audit_event_by_id ON audit_event (id);
CREATE INDEX audit_event_by_who ON audit_event (who, id);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % is refused (retention drops whole months)', TG_OP;
END;
$$;

CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
