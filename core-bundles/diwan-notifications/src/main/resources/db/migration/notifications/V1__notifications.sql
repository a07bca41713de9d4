CREATE TABLE notification (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient   VARCHAR(64)   NOT NULL,
    message_key VARCHAR(200)  NOT NULL,
    args        VARCHAR(4000) NOT NULL,
    link        VARCHAR(500),
    sent_at     TIMESTAMP     NOT NULL,
    read_at     TIMESTAMP
);
CREATE INDEX notification_inbox ON notification (recipient, id);
