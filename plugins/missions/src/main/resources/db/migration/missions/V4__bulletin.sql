-- MIS-4: the monthly bulletin, built from the month's correspondence, edited by staff, then issued.
CREATE TABLE bulletin (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    month       CHAR(7)       NOT NULL,
    title_ar    VARCHAR(300)  NOT NULL,
    title_en    VARCHAR(300),
    title_fr    VARCHAR(300),
    intro_ar    VARCHAR(4000),
    intro_en    VARCHAR(4000),
    intro_fr    VARCHAR(4000),
    status      VARCHAR(16)   NOT NULL,
    issued_at   TIMESTAMP,
    issued_by   VARCHAR(100),
    version     INT           NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    created_by  VARCHAR(100)  NOT NULL,
    updated_at  TIMESTAMP     NOT NULL,
    updated_by  VARCHAR(100)  NOT NULL,
    CONSTRAINT bulletin_month_unique UNIQUE (month)
);

CREATE TABLE bulletin_item (
    id                CHAR(36)      NOT NULL PRIMARY KEY,
    bulletin_id       CHAR(36)      NOT NULL REFERENCES bulletin (id),
    correspondence_id CHAR(36),
    classification    VARCHAR(16)   NOT NULL,
    country           CHAR(2)       NOT NULL,
    position          INT           NOT NULL,
    included          BOOLEAN       NOT NULL,
    heading_ar        VARCHAR(300)  NOT NULL,
    heading_en        VARCHAR(300),
    heading_fr        VARCHAR(300),
    text_ar           VARCHAR(4000),
    text_en           VARCHAR(4000),
    text_fr           VARCHAR(4000)
);

-- what was issued, per language: the HTML and the PDF, kept by the core documents service
CREATE TABLE bulletin_issue (
    bulletin_id   CHAR(36)  NOT NULL REFERENCES bulletin (id),
    language      CHAR(2)   NOT NULL,
    html_document CHAR(36)  NOT NULL,
    pdf_document  CHAR(36)  NOT NULL,
    PRIMARY KEY (bulletin_id, language)
);
