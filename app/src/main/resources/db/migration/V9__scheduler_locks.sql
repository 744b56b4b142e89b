-- ShedLock's table: a scheduled job (event resubmission, report reminders) takes its row's lock before it runs, so
-- with several instances on one database each job runs on one of them at a time (ADR 0023)
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
);
