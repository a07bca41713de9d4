CREATE TABLE workflow_state (
    workflow   VARCHAR(65)  NOT NULL,
    record_id  VARCHAR(100) NOT NULL,
    state      VARCHAR(32)  NOT NULL,
    step       BIGINT       NOT NULL,
    due_at     TIMESTAMP,
    changed_by VARCHAR(64)  NOT NULL,
    changed_at TIMESTAMP    NOT NULL,
    PRIMARY KEY (workflow, record_id)
);
CREATE INDEX workflow_state_due ON workflow_state (due_at);
CREATE TABLE workflow_history (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workflow   VARCHAR(65)   NOT NULL,
    record_id  VARCHAR(100)  NOT NULL,
    step       BIGINT        NOT NULL,
    from_state VARCHAR(32),
    to_state   VARCHAR(32)   NOT NULL,
    transition VARCHAR(32),
    actor      VARCHAR(64)   NOT NULL,
    address    VARCHAR(64)   NOT NULL,
    moved_at   TIMESTAMP     NOT NULL,
    remark     VARCHAR(2000),
    UNIQUE (workflow, record_id, step)
);
