-- Releases and the deploy ledger. A release is immutable: its artifacts are kept by SHA-256 in
-- the artifact directory, and these rows say which files, under which names, make a version.

CREATE TABLE releases (
    version    VARCHAR(100)             NOT NULL PRIMARY KEY,
    notes      VARCHAR(4000),
    created_by VARCHAR(100)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE release_artifacts (
    version VARCHAR(100) NOT NULL REFERENCES releases (version),
    name    VARCHAR(500) NOT NULL,
    sha256  VARCHAR(64)  NOT NULL,
    bytes   BIGINT       NOT NULL,
    PRIMARY KEY (version, name)
);

-- One row per instance a deploy or rollback worked on. ended_at and result stay NULL while the
-- instance is worked on: a row left so by a killed golive is how an interrupted deploy is found.
-- digests is a JSON object of artifact name to SHA-256, as installed on the instance.
CREATE TABLE deploys (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id      VARCHAR(40)              NOT NULL REFERENCES runs (id),
    environment VARCHAR(100)             NOT NULL,
    instance    VARCHAR(300)             NOT NULL,
    action      VARCHAR(20)              NOT NULL,
    version     VARCHAR(100)             NOT NULL REFERENCES releases (version),
    previous    VARCHAR(100),
    digests     VARCHAR                  NOT NULL,
    actor       VARCHAR(100)             NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE,
    result      VARCHAR(40),
    detail      VARCHAR(4000)
);

CREATE INDEX deploys_environment ON deploys (environment, instance);
CREATE INDEX deploys_run_id ON deploys (run_id);

-- One deploy at a time per environment: the row exists while the deploy runs, and is left behind
-- by a deploy that was killed, until it is resumed.
CREATE TABLE active_deploys (
    environment VARCHAR(100) NOT NULL PRIMARY KEY,
    run_id      VARCHAR(40)  NOT NULL REFERENCES runs (id)
);
