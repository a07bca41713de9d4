-- Notification mails waiting for the broker (issue 13). A row is written in the transaction that stores its
-- notification, so a change rolled back sends no mail, and removed only once the broker holds the message, so a
-- broker that is away loses none. mail_id is the message's duplicate id: a row sent twice (the node stopped between
-- the broker's commit and the delete) reaches the mail route once.
CREATE TABLE mail_outbox (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mail_id    CHAR(36)     NOT NULL,
    address    VARCHAR(254) NOT NULL,
    language   VARCHAR(2)   NOT NULL,
    subject    VARCHAR(400) NOT NULL,
    body_text  CLOB         NOT NULL,
    body_html  CLOB         NOT NULL,
    created_at TIMESTAMP    NOT NULL
);
