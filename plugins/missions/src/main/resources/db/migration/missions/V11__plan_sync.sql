-- PLT-3: the plan of action travels from headquarters to every mission, row by row; an objective needs a
-- version like every synced row (objectives are not edited yet: each stays at 1 until they are).
ALTER TABLE plan_objective ADD COLUMN version INT NOT NULL DEFAULT 1;
