-- MIS-7: the media plan abroad, activities planned by missions and centres and then reported.
CREATE TABLE media_activity (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    mission_id  CHAR(36)      NOT NULL REFERENCES mission (id),
    kind        VARCHAR(16)   NOT NULL,
    title       VARCHAR(300)  NOT NULL,
    planned_on  DATE          NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    held_on     DATE,
    audience    INT,
    report      VARCHAR(4000),
    version     INT           NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    created_by  VARCHAR(100)  NOT NULL,
    updated_at  TIMESTAMP     NOT NULL,
    updated_by  VARCHAR(100)  NOT NULL
);

CREATE INDEX media_activity_planned ON media_activity (planned_on);
