-- PLT-3: follow-up actions a mission node records on its own correspondence reach headquarters with that
-- correspondence, read-only (as their correspondence is). Null: recorded on this node.
ALTER TABLE follow_up ADD COLUMN received_from VARCHAR(32);
