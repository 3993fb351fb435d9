-- The per-second figures of load tests. Histograms are HdrHistogram's compressed encoding in
-- Base64 (microseconds), so percentiles over any range of seconds are exact to its precision.

CREATE TABLE load_seconds (
    run_id   VARCHAR(40)      NOT NULL REFERENCES runs (id),
    sec      INTEGER          NOT NULL,
    wanted   DOUBLE PRECISION NOT NULL,
    arrivals BIGINT           NOT NULL,
    late     BIGINT           NOT NULL,
    dropped  BIGINT           NOT NULL,
    active   INTEGER          NOT NULL,
    cpu      DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (run_id, sec)
);

CREATE TABLE load_series (
    run_id  VARCHAR(40)  NOT NULL REFERENCES runs (id),
    sec     INTEGER      NOT NULL,
    kind    VARCHAR(20)  NOT NULL,
    name    VARCHAR(1000) NOT NULL,
    passed  BIGINT       NOT NULL,
    failed  BIGINT       NOT NULL,
    errors  VARCHAR      NOT NULL,
    times   VARCHAR      NOT NULL,
    service VARCHAR      NOT NULL,
    PRIMARY KEY (run_id, sec, kind, name)
);
