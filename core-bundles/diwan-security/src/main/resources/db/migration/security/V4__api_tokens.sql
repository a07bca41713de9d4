-- API tokens (issue 13). Only a keyed hash of each token is kept: HMAC-SHA256 under the node's key in
-- <data>/security/api-token.key, base64url without padding (43 characters). The scope is the space-separated
-- list of permissions the token may use (permissions hold no spaces).
CREATE TABLE api_token (
    id           CHAR(36) PRIMARY KEY,
    account_id   CHAR(36) NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name         VARCHAR(100) NOT NULL,
    token_hash   CHAR(43) NOT NULL UNIQUE,
    scope        VARCHAR(8000) NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    created_by   VARCHAR(64) NOT NULL,
    expires_at   TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP,
    revoked_by   VARCHAR(64)
);
CREATE INDEX api_token_account ON api_token (account_id, created_at);
