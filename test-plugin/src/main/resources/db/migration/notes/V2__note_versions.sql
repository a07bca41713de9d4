-- notes become records of the department kit: edited with optimistic locking, with who changed them when
ALTER TABLE note ADD COLUMN version INT NOT NULL DEFAULT 1;
ALTER TABLE note ADD COLUMN updated_by VARCHAR(100) NOT NULL DEFAULT '';
ALTER TABLE note ADD COLUMN updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP;
