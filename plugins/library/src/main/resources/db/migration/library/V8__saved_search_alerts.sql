-- Issue 14 (item 7's note): e-mail alerts on a saved search. alerts: the reader asked for them; alerted_until: the
-- changes up to this moment have been alerted (or were made before the reader asked), so the next alert holds only
-- records changed at or after it, and no change is ever mailed twice.
ALTER TABLE saved_search ADD COLUMN alerts BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE saved_search ADD COLUMN alerted_until TIMESTAMP;
CREATE INDEX saved_search_alerts ON saved_search (alerts, alerted_until);
