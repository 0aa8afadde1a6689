-- A planning run over whole items split across instances (ADR 0076): the run's item ranges (whole items, about
-- openvmi.planning.chunk-size item × warehouses each) are rows that every live instance claims, one at a time, for a
-- lease; a chunk whose instance died is claimed again once its lease has ended. A chunk's writes (forecasts,
-- suggestions, policies) commit with its DONE mark, so each chunk is written once; the claim counter (attempts) tells
-- a late writer that its chunk was taken over. The run is completed by the instance that finishes its last chunk.
CREATE TABLE planning_run_chunk (
    run_id        BIGINT        NOT NULL REFERENCES planning_run (id),
    seq           INT           NOT NULL,
    item_from     BIGINT        NOT NULL,
    item_to       BIGINT        NOT NULL,
    pairs         INT           NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    claimed_by    VARCHAR(200),
    attempts      INT           NOT NULL DEFAULT 0,
    lease_until   TIMESTAMP WITH TIME ZONE,
    summary_json  VARCHAR(4000),
    read_ms       BIGINT        NOT NULL DEFAULT 0,
    fit_ms        BIGINT        NOT NULL DEFAULT 0,
    write_ms      BIGINT        NOT NULL DEFAULT 0,
    done_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT planning_run_chunk_pk PRIMARY KEY (run_id, seq),
    CONSTRAINT planning_run_chunk_status_check CHECK (status IN ('OPEN', 'CLAIMED', 'DONE'))
);
CREATE INDEX planning_run_chunk_open ON planning_run_chunk (status, run_id, seq);
