-- A change refused because the record it names belongs to another mission or to headquarters (state REFUSED):
-- the record's real owner, shown to the administrator beside the mission that sent the change.
-- owner_role is HQ or MISSION; owner_mission the owning mission's code (NULL for headquarters).
ALTER TABLE parked ADD COLUMN owner_role VARCHAR(8);
ALTER TABLE parked ADD COLUMN owner_mission VARCHAR(32);
