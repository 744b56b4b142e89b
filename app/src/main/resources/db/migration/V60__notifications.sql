-- Notifications: what signed-in users follow, what they are told (in Tværs and by mail), and how they want it.
-- User ids are kept without a foreign key to another module's table, as elsewhere.

-- Following an idea, a challenge, an initiative or a case.
CREATE TABLE notification_follow (
    user_id      BIGINT NOT NULL,
    subject_type VARCHAR(20) NOT NULL,
    subject_id   BIGINT NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, subject_type, subject_id),
    CONSTRAINT notification_follow_type_check CHECK (subject_type IN ('IDEA', 'CHALLENGE', 'INITIATIVE', 'CASE'))
);
CREATE INDEX notification_follow_subject_idx ON notification_follow (subject_type, subject_id);

-- How a user wants each kind of notice; no row means the kind's default.
CREATE TABLE notification_preference (
    user_id  BIGINT NOT NULL,
    kind     VARCHAR(30) NOT NULL,
    delivery VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, kind),
    CONSTRAINT notification_preference_delivery_check CHECK (delivery IN ('IMMEDIATE', 'DAILY', 'WEEKLY', 'IN_APP', 'OFF'))
);

-- One notice per event and recipient: the unique key makes a redelivered event add nothing. The delivery chosen
-- when the notice was made says how it is mailed: at once, in the daily or weekly digest, or not (IN_APP).
-- mailed_at is set in the transaction that sends the mail (a failed mail rolls it back).
CREATE TABLE notification (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_key         VARCHAR(200) NOT NULL,
    recipient_user_id BIGINT NOT NULL,
    kind              VARCHAR(30) NOT NULL,
    subject_type      VARCHAR(20) NOT NULL,
    subject_id        BIGINT NOT NULL,
    subject_title     VARCHAR(300) NOT NULL,
    detail_key        VARCHAR(100),
    link              VARCHAR(300) NOT NULL,
    delivery          VARCHAR(20) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    read_at           TIMESTAMP WITH TIME ZONE,
    mailed_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT notification_once UNIQUE (event_key, recipient_user_id),
    CONSTRAINT notification_delivery_check CHECK (delivery IN ('IMMEDIATE', 'DAILY', 'WEEKLY', 'IN_APP'))
);
CREATE INDEX notification_recipient_idx ON notification (recipient_user_id, created_at DESC);
CREATE INDEX notification_unread_idx ON notification (recipient_user_id) WHERE read_at IS NULL;
-- what a digest run pages through: recipients with notices of its period not yet mailed
CREATE INDEX notification_digest_idx ON notification (delivery, recipient_user_id) WHERE mailed_at IS NULL;
