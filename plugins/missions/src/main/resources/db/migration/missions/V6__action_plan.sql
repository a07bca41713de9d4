-- MIS-6: the annual coordination and follow-up plan of action, aligned with the sector's strategic objectives.
CREATE TABLE action_plan (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    plan_year       INT           NOT NULL,
    recommendations VARCHAR(8000),
    version         INT           NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    updated_at      TIMESTAMP     NOT NULL,
    updated_by      VARCHAR(100)  NOT NULL,
    CONSTRAINT action_plan_year_unique UNIQUE (plan_year)
);

CREATE TABLE plan_objective (
    id        CHAR(36)     NOT NULL PRIMARY KEY,
    plan_id   CHAR(36)     NOT NULL REFERENCES action_plan (id),
    position  INT          NOT NULL,
    title     VARCHAR(300) NOT NULL
);

CREATE TABLE plan_task (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    objective_id  CHAR(36)      NOT NULL REFERENCES plan_objective (id),
    title         VARCHAR(300)  NOT NULL,
    owner         VARCHAR(100)  NOT NULL,
    deadline      DATE          NOT NULL,
    progress      INT           NOT NULL,
    note          VARCHAR(2000),
    version       INT           NOT NULL,
    updated_at    TIMESTAMP     NOT NULL,
    updated_by    VARCHAR(100)  NOT NULL
);
