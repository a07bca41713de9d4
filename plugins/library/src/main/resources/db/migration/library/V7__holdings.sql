-- LIB-2 holdings: the copies (items) of a catalogue record, their loans to staff, the reservations queued on a
-- record and the overdue notices already sent. V5, V6 and V8 are other changes' numbers.
CREATE TABLE item (
    id           CHAR(36)      NOT NULL PRIMARY KEY,
    record_id    CHAR(36)      NOT NULL,
    barcode      VARCHAR(32)   NOT NULL,
    call_number  VARCHAR(100),
    location     VARCHAR(40)   NOT NULL,
    -- AVAILABLE, ON_LOAN, ON_HOLD, IN_REPAIR, LOST, WITHDRAWN (ItemStatus)
    status       VARCHAR(16)   NOT NULL,
    note         VARCHAR(1000),
    version      INT           NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    created_by   VARCHAR(100)  NOT NULL,
    updated_at   TIMESTAMP     NOT NULL,
    updated_by   VARCHAR(100)  NOT NULL,
    CONSTRAINT item_barcode UNIQUE (barcode),
    CONSTRAINT item_record FOREIGN KEY (record_id) REFERENCES catalogue_record (id)
);
CREATE INDEX item_of_record ON item (record_id, barcode);

-- A loan stays after its return (the history of a copy). open_item is the item's id while the loan is open and
-- null once returned: its unique constraint lets at most one open loan per copy exist, whatever two desks do at once.
CREATE TABLE loan (
    id           CHAR(36)      NOT NULL PRIMARY KEY,
    item_id      CHAR(36)      NOT NULL,
    record_id    CHAR(36)      NOT NULL,
    borrower     VARCHAR(100)  NOT NULL,
    lent_at      TIMESTAMP     NOT NULL,
    lent_by      VARCHAR(100)  NOT NULL,
    due_on       DATE          NOT NULL,
    renewals     INT           NOT NULL,
    open_item    CHAR(36),
    returned_at  TIMESTAMP,
    returned_by  VARCHAR(100),
    version      INT           NOT NULL,
    CONSTRAINT loan_item FOREIGN KEY (item_id) REFERENCES item (id),
    CONSTRAINT loan_open_item UNIQUE (open_item)
);
CREATE INDEX loan_of_borrower ON loan (borrower, returned_at);
CREATE INDEX loan_of_record ON loan (record_id, returned_at, due_on);
CREATE INDEX loan_due ON loan (returned_at, due_on);

-- Each overdue step of a loan is notified once: the row is written with the notification, in its transaction.
CREATE TABLE loan_notice (
    loan_id      CHAR(36)      NOT NULL,
    step         INT           NOT NULL,
    sent_at      TIMESTAMP     NOT NULL,
    PRIMARY KEY (loan_id, step),
    CONSTRAINT notice_loan FOREIGN KEY (loan_id) REFERENCES loan (id)
);

-- The queue of a record: WAITING in order of created_at; ON_HOLD when a returned copy (item_id) waits on the hold
-- shelf for its reader; then FULFILLED (lent to them) or CANCELLED.
CREATE TABLE reservation (
    id           CHAR(36)      NOT NULL PRIMARY KEY,
    record_id    CHAR(36)      NOT NULL,
    username     VARCHAR(100)  NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    item_id      CHAR(36),
    created_at   TIMESTAMP     NOT NULL,
    held_at      TIMESTAMP,
    closed_at    TIMESTAMP,
    version      INT           NOT NULL,
    CONSTRAINT reservation_record FOREIGN KEY (record_id) REFERENCES catalogue_record (id)
);
CREATE INDEX reservation_queue ON reservation (record_id, status, created_at);
CREATE INDEX reservation_of_user ON reservation (username, status);
