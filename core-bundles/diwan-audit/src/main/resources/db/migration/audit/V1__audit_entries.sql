-- One row per change. Never updated or deleted by Diwan.
CREATE TABLE audit_entry (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at TIMESTAMP NOT NULL,
    actor   VARCHAR(64) NOT NULL,
    action  VARCHAR(100) NOT NULL,
    target  VARCHAR(200) NOT NULL,
    detail  VARCHAR(2000) NOT NULL,
    address VARCHAR(64) NOT NULL
);
CREATE INDEX audit_entry_occurred ON audit_entry (occurred_at);
