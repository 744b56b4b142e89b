-- Moderation (issue 11, item 18; ADR 0034): anyone signed in reports a public idea or comment with a reason;
-- innovation consultants hide it with a reason its author sees, or restore it. Hidden content is left out of every
-- public list, search, similar-ideas hint and export; the audit log keeps every report and action.
ALTER TABLE idea ADD COLUMN hidden_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE idea ADD COLUMN hidden_reason VARCHAR(1000);
ALTER TABLE idea ADD CONSTRAINT idea_hidden_reason_check CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL));
ALTER TABLE idea_comment ADD COLUMN hidden_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE idea_comment ADD COLUMN hidden_reason VARCHAR(1000);
ALTER TABLE idea_comment ADD CONSTRAINT idea_comment_hidden_reason_check
    CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL));

-- A report of an idea (comment_id NULL) or of one of its comments. One open report per reporter and content.
-- resolution: HIDDEN (the content was hidden), DISMISSED (left as it is); NULL while open.
CREATE TABLE moderation_report (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idea_id       BIGINT NOT NULL REFERENCES idea (id) ON DELETE CASCADE,
    comment_id    BIGINT REFERENCES idea_comment (id) ON DELETE CASCADE,
    reporter_id   BIGINT NOT NULL,
    reporter_name VARCHAR(200) NOT NULL,
    reason        VARCHAR(1000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    resolution    VARCHAR(20),
    resolved_at   TIMESTAMP WITH TIME ZONE,
    resolved_by   VARCHAR(200),
    CONSTRAINT moderation_report_resolution_check CHECK (resolution IN ('HIDDEN', 'DISMISSED'))
);
CREATE UNIQUE INDEX moderation_report_open_once ON moderation_report (idea_id, coalesce(comment_id, 0), reporter_id)
    WHERE resolution IS NULL;
CREATE INDEX moderation_report_open_idx ON moderation_report (created_at) WHERE resolution IS NULL;
