-- MIS-2: correspondence and reports from missions, and with host-country institutions and Arab
-- communities abroad; their attachments (content in the core documents service) and follow-up actions.
CREATE TABLE correspondence (
    id             CHAR(36)      NOT NULL PRIMARY KEY,
    mission_id     CHAR(36)      NOT NULL REFERENCES mission (id),
    counterpart    VARCHAR(16)   NOT NULL,
    counterpart_name VARCHAR(200),
    classification VARCHAR(16)   NOT NULL,
    country        CHAR(2)       NOT NULL,
    reference_no   VARCHAR(64)   NOT NULL,
    document_date  DATE          NOT NULL,
    received_date  DATE,
    subject        VARCHAR(300)  NOT NULL,
    summary        VARCHAR(4000),
    status         VARCHAR(16)   NOT NULL,
    search_key     VARCHAR(4000) NOT NULL,
    version        INT           NOT NULL,
    created_at     TIMESTAMP     NOT NULL,
    created_by     VARCHAR(100)  NOT NULL,
    updated_at     TIMESTAMP     NOT NULL,
    updated_by     VARCHAR(100)  NOT NULL
);

CREATE INDEX correspondence_mission ON correspondence (mission_id, document_date DESC, id DESC);
CREATE INDEX correspondence_class ON correspondence (classification, document_date DESC, id DESC);
-- the list pages read newest first, a page at a time: this order lets Derby stop after the page instead
-- of sorting every row
CREATE INDEX correspondence_recent ON correspondence (document_date DESC, id DESC);

CREATE TABLE correspondence_attachment (
    id                CHAR(36)     NOT NULL PRIMARY KEY,
    correspondence_id CHAR(36)     NOT NULL REFERENCES correspondence (id),
    document_id       CHAR(36)     NOT NULL,
    file_name         VARCHAR(255) NOT NULL,
    media_type        VARCHAR(127) NOT NULL,
    size_bytes        BIGINT       NOT NULL,
    sha256            CHAR(64)     NOT NULL,
    created_at        TIMESTAMP    NOT NULL,
    created_by        VARCHAR(100) NOT NULL
);

-- Derby indexes every foreign key itself: no index of our own on correspondence_id

CREATE TABLE follow_up (
    id                CHAR(36)     NOT NULL PRIMARY KEY,
    correspondence_id CHAR(36)     NOT NULL REFERENCES correspondence (id),
    action            VARCHAR(500) NOT NULL,
    owner             VARCHAR(100) NOT NULL,
    deadline          DATE         NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    version           INT          NOT NULL,
    created_at        TIMESTAMP    NOT NULL,
    created_by        VARCHAR(100) NOT NULL,
    updated_at        TIMESTAMP    NOT NULL,
    updated_by        VARCHAR(100) NOT NULL
);

CREATE INDEX follow_up_deadline ON follow_up (status, deadline);
