-- Record events written in the plugins' own transactions (RecordEvents.publish writes here through the plugin's
-- connection), waiting for the relay to hand them to the broker. A row is deleted once the broker has it.
CREATE TABLE event_outbox (
    seq         BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- the broker's duplicate id: a row sent again after a crash is dropped by the broker, not delivered twice
    event_id    CHAR(36)      NOT NULL,
    plugin      VARCHAR(40)   NOT NULL,
    record_type VARCHAR(40)   NOT NULL,
    record_id   VARCHAR(64)   NOT NULL,
    version     BIGINT        NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    from_state  VARCHAR(64),
    to_state    VARCHAR(64),
    actor       VARCHAR(64)   NOT NULL,
    occurred_at TIMESTAMP     NOT NULL,
    body        CLOB(1M)      NOT NULL
);
