-- A member whose access an admin revoked. The mailer skips the address, and a request made with a
-- token issued before the revocation (still valid for minutes) does not tie the address to the
-- organization again. A new invitation creates a new user, with a row of its own.
ALTER TABLE notification_preference ADD COLUMN revoked boolean NOT NULL DEFAULT false;
