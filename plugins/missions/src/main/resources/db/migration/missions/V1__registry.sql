-- MIS-1: the missions, centres and bureaus abroad. Ids are UUIDs so that records made on different nodes
-- never collide; version counts edits (optimistic locking, and later sync's per-record order).
CREATE TABLE mission (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    code            VARCHAR(16)   NOT NULL,
    mission_type    VARCHAR(16)   NOT NULL,
    country         CHAR(2)       NOT NULL,
    city            VARCHAR(100)  NOT NULL,
    name_ar         VARCHAR(200)  NOT NULL,
    name_en         VARCHAR(200),
    name_fr         VARCHAR(200),
    head_of_mission VARCHAR(200),
    email           VARCHAR(254),
    phone           VARCHAR(30),
    address         VARCHAR(500),
    status          VARCHAR(16)   NOT NULL,
    search_key      VARCHAR(2000) NOT NULL,
    version         INT           NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    updated_at      TIMESTAMP     NOT NULL,
    updated_by      VARCHAR(100)  NOT NULL,
    CONSTRAINT mission_code_unique UNIQUE (code)
);

CREATE INDEX mission_country ON mission (country);
CREATE INDEX mission_status ON mission (status);
