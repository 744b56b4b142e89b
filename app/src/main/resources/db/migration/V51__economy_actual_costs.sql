-- Economy: the actual (realised) costs of an initiative, entered by its people or finance per sector and month, shown
-- next to the business case's planned costs. A row is never changed after it is entered; every entry is in the
-- audit log (ADR 0035).
CREATE TABLE actual_cost (
    id                  BIGSERIAL PRIMARY KEY,
    initiative_id       BIGINT       NOT NULL REFERENCES initiative (id),
    sector              VARCHAR(20)  NOT NULL,
    month               DATE         NOT NULL CHECK (extract(day FROM month) = 1),
    amount_ore          BIGINT       NOT NULL CHECK (amount_ore > 0),
    description         VARCHAR(200) NOT NULL,
    entered_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    entered_by_user_id  BIGINT,
    entered_by_name     VARCHAR(254) NOT NULL
);

CREATE INDEX actual_cost_initiative ON actual_cost (initiative_id, month);
