-- A runbook run. Its version counts the transitions written to the journal, so that two people
-- acting on the same run at once are put in order (each transition locks this row first).
CREATE TABLE runbook_runs (
    run_id      VARCHAR(40)  NOT NULL PRIMARY KEY REFERENCES runs (id),
    runbook     VARCHAR(200) NOT NULL,
    environment VARCHAR(100) NOT NULL,
    version     BIGINT       NOT NULL
);

-- One active runbook run per environment: the row exists while the run is active.
CREATE TABLE active_runbooks (
    environment VARCHAR(100) NOT NULL PRIMARY KEY,
    run_id      VARCHAR(40)  NOT NULL REFERENCES runs (id)
);
