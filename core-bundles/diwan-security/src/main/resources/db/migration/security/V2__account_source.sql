-- Where an account's password is checked: 'local' (Argon2id hash here) or 'ldap' (the directory;
-- the local hash is random and unusable, roles follow the directory's groups at each login).
ALTER TABLE account ADD COLUMN source VARCHAR(8) NOT NULL DEFAULT 'local';
