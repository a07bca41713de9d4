-- A stand-in department for the table sync tests: offices (headquarters' directory), tickets an office's mission
-- opens (with a derived search key and the mission a received one came from), replies that belong to their
-- ticket, and surveys headquarters approves, whose answers travel inside them.
CREATE TABLE office (
    id      VARCHAR(36) NOT NULL PRIMARY KEY,
    code    VARCHAR(8)  NOT NULL UNIQUE,
    name    VARCHAR(100) NOT NULL,
    version INT         NOT NULL
);
CREATE TABLE ticket (
    id            VARCHAR(36) NOT NULL PRIMARY KEY,
    office_id     VARCHAR(36) NOT NULL,
    subject       VARCHAR(40) NOT NULL,
    opened_on     DATE,
    opened_at     TIMESTAMP,
    urgent        BOOLEAN,
    hours         INT,
    version       INT         NOT NULL,
    received_from VARCHAR(32),
    search_key    VARCHAR(100)
);
CREATE TABLE reply (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    ticket_id     VARCHAR(36)  NOT NULL REFERENCES ticket (id),
    body          VARCHAR(200) NOT NULL,
    version       INT          NOT NULL,
    received_from VARCHAR(32)
);
CREATE TABLE survey (
    id        VARCHAR(36) NOT NULL PRIMARY KEY,
    office_id VARCHAR(36) NOT NULL,
    status    VARCHAR(10) NOT NULL,
    version   INT         NOT NULL
);
CREATE TABLE survey_answer (
    survey_id VARCHAR(36) NOT NULL REFERENCES survey (id),
    question  VARCHAR(20) NOT NULL,
    score     INT         NOT NULL,
    PRIMARY KEY (survey_id, question)
);
