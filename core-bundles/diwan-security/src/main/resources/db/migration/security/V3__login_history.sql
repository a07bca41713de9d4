-- Lockout by login name AND source address (issue 12): failures now count per (name, address), where the
-- address of an IPv6 client is its /64 prefix. Failures are kept for 30 days, for the notice an owner gets
-- at their next login ("N failed attempts since your last login").
CREATE INDEX login_failure_time ON login_failure (failed_at);
CREATE INDEX login_failure_pair ON login_failure (username, address, failed_at);

-- The last successful login of a name from an address: failures from that address before it stop counting,
-- and an address known this way is not refused when the whole account is under attack.
CREATE TABLE login_success (
    username     VARCHAR(64) NOT NULL,
    address      VARCHAR(64) NOT NULL,
    succeeded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (username, address)
);

-- An administrator's unlock: failures of that name before it stop counting.
CREATE TABLE login_unlock (
    username    VARCHAR(64) PRIMARY KEY,
    unlocked_at TIMESTAMP NOT NULL
);
