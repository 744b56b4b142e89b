-- Indexes the innovation-capacity figures (issue 15) read by: a grant's ledger entries by kind, initiatives by
-- the time they started, challenges by the time they were published.
CREATE INDEX ledger_entry_grant_kind_idx ON ledger_entry (grant_id, kind);
CREATE INDEX initiative_created_idx ON initiative (created_at);
CREATE INDEX challenge_published_idx ON challenge (published_at);
