-- MIS-5: the annual report: the year's events and issues by region and topic (computed from the
-- correspondence) and the analytical part written by staff; issued as HTML and PDF.
CREATE TABLE annual_report (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    report_year   INT           NOT NULL,
    title         VARCHAR(300)  NOT NULL,
    observations  VARCHAR(16000),
    proposals     VARCHAR(16000),
    status        VARCHAR(16)   NOT NULL,
    issued_at     TIMESTAMP,
    issued_by     VARCHAR(100),
    html_document CHAR(36),
    pdf_document  CHAR(36),
    version       INT           NOT NULL,
    created_at    TIMESTAMP     NOT NULL,
    created_by    VARCHAR(100)  NOT NULL,
    updated_at    TIMESTAMP     NOT NULL,
    updated_by    VARCHAR(100)  NOT NULL,
    CONSTRAINT annual_report_year_unique UNIQUE (report_year)
);
