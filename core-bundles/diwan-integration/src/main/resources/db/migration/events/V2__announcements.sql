-- Announcements (a plugin's other messages, such as an issued bulletin's HTML and PDF for the delivery route) wait in
-- the same outbox as record events, so they too commit with the change and reach the broker in order, once. Such a
-- row has its own address, its JMS string properties (JSON object) and its body as bytes; record_type holds the
-- announcement's name, kind 'announcement', version 0.
ALTER TABLE event_outbox ADD COLUMN address VARCHAR(200);
ALTER TABLE event_outbox ADD COLUMN properties CLOB(1M);
ALTER TABLE event_outbox ADD COLUMN payload BLOB(32M);
ALTER TABLE event_outbox ADD COLUMN payload_text BOOLEAN;
