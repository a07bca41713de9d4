-- Issue 14: OAI-PMH deletedRecord=persistent. A record deleted, or withdrawn from the public (made staff-only or
-- restricted after being public), leaves a tombstone: harvesters get a deleted header with this datestamp and the
-- set the record was in, for as long as the repository exists. A withdrawn record made public again loses its
-- tombstone (its new datestamp gives it back to harvesters); a deleted one keeps it for good.
CREATE TABLE record_tombstone (
    record_id   CHAR(36)     NOT NULL PRIMARY KEY,
    -- the set (holding type) it was in when it left the public
    record_type VARCHAR(24)  NOT NULL,
    -- DELETED or WITHDRAWN
    reason      VARCHAR(12)  NOT NULL,
    -- false for a record deleted without ever having been public since this table exists: harvesters never saw it,
    -- so they are never told of it; the row is the trace of the deletion
    was_public  BOOLEAN      NOT NULL,
    removed_at  TIMESTAMP    NOT NULL,
    removed_by  VARCHAR(100) NOT NULL
);
CREATE INDEX tombstone_removed ON record_tombstone (removed_at);
