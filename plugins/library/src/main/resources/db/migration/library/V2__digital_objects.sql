-- LIB-3: digital objects (scans, PDFs, images, audio, video) of a description, kept by the core documents
-- service (content by SHA-256). An object has its own access level; a reader sees it only if the record's
-- level and the object's both allow.
CREATE TABLE digital_object (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    record_id     CHAR(36)      NOT NULL,
    document_id   CHAR(36)      NOT NULL,
    label         VARCHAR(300),
    access_level  VARCHAR(12)   NOT NULL,
    position      INT           NOT NULL,
    created_at    TIMESTAMP     NOT NULL,
    created_by    VARCHAR(100)  NOT NULL,
    CONSTRAINT object_record FOREIGN KEY (record_id) REFERENCES catalogue_record (id)
);
CREATE INDEX object_by_record ON digital_object (record_id, position);
