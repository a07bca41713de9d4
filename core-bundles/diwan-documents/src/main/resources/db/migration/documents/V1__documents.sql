-- One row per upload. The content lives once per SHA-256 under <storage>/sha256/<2 hex>/<2 hex>/<hash>,
-- so several rows may share one file.
CREATE TABLE document (
    id         CHAR(36) NOT NULL PRIMARY KEY,
    owner      VARCHAR(64) NOT NULL,
    file_name  VARCHAR(255) NOT NULL,
    media_type VARCHAR(255) NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256     CHAR(64) NOT NULL,
    created    TIMESTAMP NOT NULL,
    created_by VARCHAR(64) NOT NULL
);
CREATE INDEX document_sha256 ON document (sha256);
CREATE INDEX document_owner ON document (owner, created);
