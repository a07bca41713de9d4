-- A plugin's own table for the event tests: the change an event is written with.
CREATE TABLE shop_order (
    id    VARCHAR(36) NOT NULL PRIMARY KEY,
    title VARCHAR(200) NOT NULL
);
