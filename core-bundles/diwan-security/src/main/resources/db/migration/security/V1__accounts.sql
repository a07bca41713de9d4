-- Accounts carry a UUID and a version from the start: they may sync between nodes one day.
CREATE TABLE account (
    id            CHAR(36) PRIMARY KEY,
    username      VARCHAR(64) NOT NULL UNIQUE,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    language      VARCHAR(2) NOT NULL DEFAULT 'ar',
    enabled       BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP NOT NULL,
    version       BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE app_role (
    name    VARCHAR(64) PRIMARY KEY,
    builtin BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE role_permission (
    role_name  VARCHAR(64) NOT NULL REFERENCES app_role (name) ON DELETE CASCADE,
    permission VARCHAR(200) NOT NULL,
    PRIMARY KEY (role_name, permission)
);

CREATE TABLE account_role (
    account_id CHAR(36) NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role_name  VARCHAR(64) NOT NULL REFERENCES app_role (name) ON DELETE CASCADE,
    PRIMARY KEY (account_id, role_name)
);

-- Failed logins, kept so that a lockout survives a restart of the node.
CREATE TABLE login_failure (
    username  VARCHAR(64) NOT NULL,
    failed_at TIMESTAMP NOT NULL,
    address   VARCHAR(64) NOT NULL
);
CREATE INDEX login_failure_user ON login_failure (username, failed_at);

INSERT INTO app_role (name, builtin) VALUES ('admin', TRUE);
INSERT INTO role_permission (role_name, permission) VALUES ('admin', '*');
