-- Citizens sign up themselves: the sign-up waits here (with the password already hashed) until the person follows
-- the link mailed to them; only then is the account made. The link's token is made when the mail is sent and only
-- its SHA-256 is kept, valid for a limited time and once.

CREATE TABLE account_signup (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    completed_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX account_signup_email_idx ON account_signup (lower(email));

CREATE TABLE account_signup_token (
    token_hash CHAR(64) PRIMARY KEY,
    signup_id  BIGINT NOT NULL REFERENCES account_signup (id) ON DELETE CASCADE,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
