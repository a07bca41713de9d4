-- A stand-in plugin's table for the sync tests: a note has a parent note (to test deferral) and a version;
-- received_from is the mission a received note came from (NULL: made on this node), which says who owns it.
CREATE TABLE note (
    id            VARCHAR(64)   NOT NULL PRIMARY KEY,
    parent        VARCHAR(64),
    body          VARCHAR(2000) NOT NULL,
    version       BIGINT        NOT NULL,
    received_from VARCHAR(32)
);
