-- LIB-6, issue 14: titles in languages and scripts other than Arabic, English and French (an original in Greek or
-- Hebrew, a romanization, a Tamazight parallel title), one per line as "[language] text".
ALTER TABLE catalogue_record ADD COLUMN other_titles VARCHAR(8000);

-- A record imported from another library keeps the MARC record it came as (MARCXML, Unicode), so that what the
-- catalogue does not map (statements of responsibility, editions, series, notes, subject subdivisions, the
-- original-script 880 fields) goes back out on export as it came. mapped_digest is, per group of mapped fields,
-- what the catalogue held right after the import: a group still holding the same is exported from the source.
CREATE TABLE record_source (
    record_id     CHAR(36)      NOT NULL PRIMARY KEY,
    marc          CLOB          NOT NULL,
    mapped_digest VARCHAR(2000) NOT NULL,
    imported_at   TIMESTAMP     NOT NULL,
    imported_by   VARCHAR(100)  NOT NULL,
    CONSTRAINT source_record FOREIGN KEY (record_id) REFERENCES catalogue_record (id)
);

-- What identifies a record across libraries, normalised: its control number with the agency that gave it
-- (001 + 003), the system numbers of 035, ISBN and ISSN. A record imported again is found by these.
CREATE TABLE record_match_key (
    match_key  VARCHAR(300) NOT NULL,
    record_id  CHAR(36)     NOT NULL,
    PRIMARY KEY (match_key, record_id),
    CONSTRAINT match_record FOREIGN KEY (record_id) REFERENCES catalogue_record (id)
);

-- An import asked what to do with a record that matches one already here holds it until the cataloguer chooses
-- (update the one here, skip, or make a new description); held records older than a week are let go.
CREATE TABLE import_pending (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    batch_id      CHAR(36)      NOT NULL,
    position      INT           NOT NULL,
    marc          CLOB          NOT NULL,
    title         VARCHAR(1000),
    matched_ids   VARCHAR(2000) NOT NULL,
    access_level  VARCHAR(12)   NOT NULL,
    created_by    VARCHAR(100)  NOT NULL,
    created_at    TIMESTAMP     NOT NULL
);
CREATE INDEX pending_batch ON import_pending (batch_id, position);
