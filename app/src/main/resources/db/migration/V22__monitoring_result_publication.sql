-- Who sees Triple Aim results (ADR 0017): a run's results are for the initiative's people, analysts, innovation
-- consultants and the Task Force until someone with the right publishes them; then for everyone logged in.
CREATE TABLE monitoring_publication (
    run_id               BIGINT PRIMARY KEY REFERENCES monitoring_run (id),
    published_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    published_by_user_id BIGINT,
    published_by_name    VARCHAR(200) NOT NULL
);
