-- LIB-4: a reader's saved searches, and when they last looked at each: what appeared or changed since is new.
CREATE TABLE saved_search (
    id           CHAR(36)      NOT NULL PRIMARY KEY,
    username     VARCHAR(100)  NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    query        VARCHAR(2000) NOT NULL,
    last_seen_at TIMESTAMP     NOT NULL,
    created_at   TIMESTAMP     NOT NULL
);
CREATE INDEX saved_search_user ON saved_search (username, created_at);
