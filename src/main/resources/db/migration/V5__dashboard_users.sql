-- The people who may use the dashboard. password_hash is an Argon2 hash in its encoded form
-- (parameters and salt included); the password itself is never stored.

CREATE TABLE dashboard_users (
    name          VARCHAR(100)             NOT NULL PRIMARY KEY,
    role          VARCHAR(20)              NOT NULL,
    password_hash VARCHAR(500)             NOT NULL,
    created_by    VARCHAR(100)             NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
