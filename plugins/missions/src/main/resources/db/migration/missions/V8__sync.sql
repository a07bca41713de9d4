-- PLT-3: correspondence that arrived from a mission node carries that mission's code here and is read-only
-- (the mission owns it and edits it there). Null: made on this node.
ALTER TABLE correspondence ADD COLUMN received_from VARCHAR(32);
