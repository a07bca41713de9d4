-- MIS-3: how often each office is expected to report, and the periodic evaluations of each office.
ALTER TABLE mission ADD COLUMN report_every_days INT NOT NULL DEFAULT 30;

CREATE TABLE evaluation (
    id           CHAR(36)      NOT NULL PRIMARY KEY,
    mission_id   CHAR(36)      NOT NULL REFERENCES mission (id),
    period       VARCHAR(16)   NOT NULL,
    evaluated_on DATE          NOT NULL,
    evaluator    VARCHAR(100)  NOT NULL,
    comments     VARCHAR(4000),
    status       VARCHAR(16)   NOT NULL,
    version      INT           NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    created_by   VARCHAR(100)  NOT NULL,
    updated_at   TIMESTAMP     NOT NULL,
    updated_by   VARCHAR(100)  NOT NULL
);

CREATE INDEX evaluation_mission ON evaluation (mission_id, evaluated_on);

CREATE TABLE evaluation_score (
    evaluation_id CHAR(36)     NOT NULL REFERENCES evaluation (id),
    criterion     VARCHAR(32)  NOT NULL,
    score         INT          NOT NULL,
    comment_text  VARCHAR(1000),
    PRIMARY KEY (evaluation_id, criterion)
);
