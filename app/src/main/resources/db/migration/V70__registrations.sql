-- Quality registrations and PRO (issue 14, ADR 0032): registration schemes as versioned data, courses per
-- pseudonymous citizen, one registration per course, time point and indicator (whatever the source), PRO links,
-- answers, triage and the citizen's shared page.

CREATE TABLE registration_scheme (
    id            bigserial PRIMARY KEY,
    initiative_id bigint NOT NULL REFERENCES initiative (id),
    code          text NOT NULL CHECK (code ~ '^[A-Z0-9_]{1,40}$'),
    version       int NOT NULL CHECK (version >= 1),
    name          text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text NOT NULL,
    -- raised by every write of the scheme's registrations: the benchmark's cache key (two instances share it)
    data_generation bigint NOT NULL DEFAULT 0,
    UNIQUE (code, version)
);

-- when each time point is due, counted in days from the course's start
CREATE TABLE registration_time_point (
    scheme_id       bigint NOT NULL REFERENCES registration_scheme (id),
    time_point      text NOT NULL CHECK (time_point IN ('START', 'DURING', 'END', 'FOLLOW_UP')),
    due_after_days  int NOT NULL CHECK (due_after_days >= 0),
    PRIMARY KEY (scheme_id, time_point)
);

-- the units that register: an organisation with its code in files and its cluster
CREATE TABLE registration_unit (
    scheme_id       bigint NOT NULL REFERENCES registration_scheme (id),
    organisation_id bigint NOT NULL REFERENCES organisation (id),
    unit_code       text NOT NULL CHECK (unit_code ~ '^[A-Za-z0-9_-]{1,20}$'),
    cluster         text NOT NULL,
    PRIMARY KEY (scheme_id, organisation_id),
    UNIQUE (scheme_id, unit_code)
);

CREATE TABLE registration_indicator (
    scheme_id      bigint NOT NULL REFERENCES registration_scheme (id),
    code           text NOT NULL CHECK (code ~ '^[A-Z0-9_]{1,40}$'),
    position       int NOT NULL,
    label          text NOT NULL,
    value_type     text NOT NULL CHECK (value_type IN ('YES_NO', 'WHOLE', 'DECIMAL', 'CHOICE', 'DATE')),
    unit           text NOT NULL DEFAULT '',
    min_value      numeric,
    max_value      numeric,
    choices        text NOT NULL DEFAULT '',
    time_points    text NOT NULL,
    required       boolean NOT NULL,
    rule           text NOT NULL CHECK (rule IN ('SHARE_YES', 'SHARE_AT_LEAST', 'MEDIAN', 'MEDIAN_CHANGE', 'NONE')),
    rule_time_point text,
    threshold      numeric,
    PRIMARY KEY (scheme_id, code)
);

CREATE TABLE registration_course (
    id            bigserial PRIMARY KEY,
    scheme_id     bigint NOT NULL REFERENCES registration_scheme (id),
    unit_id       bigint NOT NULL REFERENCES organisation (id),
    person_ref    text NOT NULL CHECK (person_ref ~ '^[A-Za-z0-9_-]{1,40}$'),
    start_date    date NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    source        text NOT NULL CHECK (source IN ('FORM', 'FILE', 'API', 'DEMO')),
    -- one course per citizen, unit and start, however it arrives: no course is counted twice
    UNIQUE (scheme_id, unit_id, person_ref, start_date)
);
CREATE INDEX registration_course_unit ON registration_course (unit_id, start_date);

CREATE TABLE registration_value (
    course_id    bigint NOT NULL REFERENCES registration_course (id),
    time_point   text NOT NULL,
    indicator    text NOT NULL,
    value_text   text NOT NULL,
    value_num    numeric,
    draft        boolean NOT NULL DEFAULT false,
    source       text NOT NULL CHECK (source IN ('FORM', 'FILE', 'API', 'DEMO')),
    entered_at   timestamptz NOT NULL DEFAULT now(),
    entered_by   text NOT NULL,
    -- the same registration from a form, a file and the API is one row: the latest wins
    PRIMARY KEY (course_id, time_point, indicator)
);

CREATE TABLE pro_questionnaire (
    id             bigserial PRIMARY KEY,
    scheme_id      bigint NOT NULL REFERENCES registration_scheme (id),
    code           text NOT NULL CHECK (code ~ '^[A-Z0-9_]{1,40}$'),
    version        int NOT NULL,
    title          text NOT NULL,
    -- triage by the sum of the scored items' points (level − 1): yellow from, red from; and red when any scored item
    -- is answered at its worst level (when worst_item_red)
    yellow_from    int NOT NULL,
    red_from       int NOT NULL CHECK (red_from >= yellow_from),
    worst_item_red boolean NOT NULL,
    index_measure  text,
    UNIQUE (code, version)
);

CREATE TABLE pro_item (
    questionnaire_id bigint NOT NULL REFERENCES pro_questionnaire (id),
    position         int NOT NULL,
    code             text NOT NULL,
    text             text NOT NULL,
    levels           text NOT NULL,
    scored           boolean NOT NULL,
    export_measure   text,
    PRIMARY KEY (questionnaire_id, position)
);

-- a personal link: only the SHA-256 of its token is kept
CREATE TABLE pro_link (
    id               bigserial PRIMARY KEY,
    course_id        bigint NOT NULL REFERENCES registration_course (id),
    questionnaire_id bigint NOT NULL REFERENCES pro_questionnaire (id),
    token_sha256     bytea NOT NULL UNIQUE,
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL,
    answered_at      timestamptz
);

CREATE TABLE pro_answer (
    id               bigserial PRIMARY KEY,
    link_id          bigint NOT NULL UNIQUE REFERENCES pro_link (id),
    course_id        bigint NOT NULL REFERENCES registration_course (id),
    questionnaire_id bigint NOT NULL REFERENCES pro_questionnaire (id),
    answers          text NOT NULL,
    score            int NOT NULL,
    triage           text NOT NULL CHECK (triage IN ('GREEN', 'YELLOW', 'RED')),
    answered_at      timestamptz NOT NULL DEFAULT now()
);

-- the unit's triage list: a red answer waits here until a professional records what was done
CREATE TABLE triage_case (
    id          bigserial PRIMARY KEY,
    answer_id   bigint NOT NULL UNIQUE REFERENCES pro_answer (id),
    course_id   bigint NOT NULL REFERENCES registration_course (id),
    unit_id     bigint NOT NULL REFERENCES organisation (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    action      text,
    handled_by  text,
    handled_at  timestamptz
);
CREATE INDEX triage_case_open ON triage_case (unit_id) WHERE handled_at IS NULL;

-- a citizen's own course, shared by the unit as a simple page
CREATE TABLE course_share (
    id           bigserial PRIMARY KEY,
    course_id    bigint NOT NULL REFERENCES registration_course (id),
    token_sha256 bytea NOT NULL UNIQUE,
    expires_at   timestamptz NOT NULL
);

-- exports to the monitoring import (registrations.csv): what was exported, from which scheme version
CREATE TABLE registration_export (
    id          bigserial PRIMARY KEY,
    scheme_id   bigint NOT NULL REFERENCES registration_scheme (id),
    rows        int NOT NULL,
    exported_at timestamptz NOT NULL DEFAULT now(),
    exported_by text NOT NULL
);
