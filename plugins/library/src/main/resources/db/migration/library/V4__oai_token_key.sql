-- Issue 12: the key that signs OAI-PMH resumption tokens (HMAC-SHA256), 32 random bytes in base64, made by the
-- node at first use. One row; a token this node did not sign is refused.
CREATE TABLE oai_token_key (
    id         SMALLINT    NOT NULL PRIMARY KEY,
    secret     VARCHAR(64) NOT NULL,
    created_at TIMESTAMP   NOT NULL
);
