-- One script for H2 (MODE=PostgreSQL, DATABASE_TO_LOWER) and PostgreSQL: keep it to the
-- SQL both accept. JSON is kept as text so neither database's JSON type is needed.
-- VARCHAR without a length is unbounded in PostgreSQL and 1,000,000 characters in H2.

CREATE TABLE runs (
    id          VARCHAR(40)              NOT NULL PRIMARY KEY,
    kind        VARCHAR(40)              NOT NULL,
    name        VARCHAR(200)             NOT NULL,
    environment VARCHAR(100),
    started_by  VARCHAR(100)             NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE,
    outcome     VARCHAR(40)
);

CREATE INDEX runs_started_at ON runs (started_at);

-- Append-only: golive inserts rows and never updates or deletes them.
CREATE TABLE journal (
    seq     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      TIMESTAMP WITH TIME ZONE NOT NULL,
    run_id  VARCHAR(40) REFERENCES runs (id),
    kind    VARCHAR(100)             NOT NULL,
    subject VARCHAR(1000),
    actor   VARCHAR(100)             NOT NULL,
    data    VARCHAR                  NOT NULL
);

CREATE INDEX journal_run_id ON journal (run_id);
CREATE INDEX journal_at ON journal (at);
CREATE INDEX journal_kind ON journal (kind);
