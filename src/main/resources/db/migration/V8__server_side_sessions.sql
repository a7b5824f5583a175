-- Browser sessions live here, not in the cookie (identity.SessionRepository). The cookie holds a random
-- name for its row, stored only as a hash; the tokens are encrypted with the session secret. Signing out,
-- an administrator ending the session at the provider (back-channel logout, by the provider's session id),
-- or a session past its limits deletes the row, and every copy of the cookie stops working at once.
CREATE TABLE web_session (
    cookie_hash bytea       PRIMARY KEY,
    tenant      text        NOT NULL,
    sid         text,
    subject     text        NOT NULL,
    tokens      bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);

CREATE INDEX web_session_by_sid ON web_session (sid);
CREATE INDEX web_session_by_subject ON web_session (subject);
CREATE INDEX web_session_by_expiry ON web_session (expires_at);
