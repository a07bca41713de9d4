-- The outbox: changes captured in the plugins' own transactions (SyncOutbox.capture writes here through the
-- plugin's connection), waiting for the relay to hand them to the broker. Emptied as they are handed over.
CREATE TABLE outbox (
    seq          BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_type  VARCHAR(100) NOT NULL,
    record_id    VARCHAR(64)  NOT NULL,
    version      BIGINT       NOT NULL,
    mission_code VARCHAR(32),
    payload      CLOB(2M),
    -- set when an administrator resends records to a mission: the broker must not take them for duplicates
    -- of the first sending, which the mission may have lost (a restored backup)
    resend_id    CHAR(36),
    captured_at  TIMESTAMP    NOT NULL
);

-- Changes received from the other side that could not be applied yet (DEFERRED: their parent, or their plugin,
-- is missing) or were refused (FAILED: an administrator looks at them). A change is parked once: its key is
-- unique, so a duplicate delivery finds it already there.
CREATE TABLE parked (
    seq          BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    change_key   VARCHAR(240)  NOT NULL,
    record_type  VARCHAR(100)  NOT NULL,
    record_id    VARCHAR(64)   NOT NULL,
    version      BIGINT        NOT NULL,
    mission_code VARCHAR(32),
    payload      CLOB(2M),
    state        VARCHAR(16)   NOT NULL,
    attempts     INT           NOT NULL,
    last_error   VARCHAR(1000),
    received_at  TIMESTAMP     NOT NULL,
    CONSTRAINT parked_key UNIQUE (change_key)
);

-- When each direction last moved a change, kept across restarts for the administration page.
CREATE TABLE activity (
    direction  VARCHAR(16) NOT NULL PRIMARY KEY,
    last_at    TIMESTAMP   NOT NULL,
    total      BIGINT      NOT NULL
);
