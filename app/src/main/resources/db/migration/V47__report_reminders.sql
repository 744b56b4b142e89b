-- Progress-report reminders: the grant's contact (the person who will report) is mailed some days before a report
-- is due and again when it is overdue. Each reminder is recorded in the same transaction as the event that mails
-- it, so a reminder is sent once, also across restarts.

ALTER TABLE grant_award ADD COLUMN contact_email VARCHAR(320);

CREATE TABLE report_reminder (
    tranche_id  BIGINT NOT NULL REFERENCES tranche (id),
    kind        VARCHAR(20) NOT NULL,
    report_due  DATE NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (tranche_id, kind),
    CONSTRAINT report_reminder_kind_check CHECK (kind IN ('UPCOMING', 'OVERDUE'))
);
