-- PLT-3: media activities that arrived from a mission node carry that mission's code here and are read-only
-- (the mission plans and reports them there). Null: planned on this node.
ALTER TABLE media_activity ADD COLUMN received_from VARCHAR(32);
