-- An account's e-mail address (issue 13), optional, for notifications by mail. Not unique: a secretariat's shared
-- mailbox may serve several accounts, and a unique index would tell a user which addresses other accounts use.
-- notify_by_mail is the owner's choice "also send my notifications by e-mail", on unless they turn it off.
ALTER TABLE account ADD COLUMN mail_address VARCHAR(254);
ALTER TABLE account ADD COLUMN notify_by_mail BOOLEAN NOT NULL DEFAULT TRUE;
