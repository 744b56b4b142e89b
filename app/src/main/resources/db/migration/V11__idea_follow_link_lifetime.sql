-- Follow links expire (tvaers.ideas.follow-link-lifetime, default 90 days); a follower asks for a new one by e-mail.
ALTER TABLE idea_follow_token ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
UPDATE idea_follow_token SET expires_at = created_at + interval '90 days';
ALTER TABLE idea_follow_token ALTER COLUMN expires_at SET NOT NULL;
-- IdeaMails always sets it from the configured lifetime; the default only serves other writers (tests, scripts)
ALTER TABLE idea_follow_token ALTER COLUMN expires_at SET DEFAULT now() + interval '90 days';
CREATE INDEX idea_follower_email_idx ON idea_follower (lower(email)) WHERE user_id IS NULL;
