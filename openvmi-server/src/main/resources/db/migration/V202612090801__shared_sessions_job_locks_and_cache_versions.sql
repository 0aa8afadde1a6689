-- N instances on one database (ADR 0064). Runs on PostgreSQL and on H2 in PostgreSQL mode.

-- UI sessions (Spring Session JDBC, its PostgreSQL schema; Spring Session's own initializer is off): a login on one
-- instance is valid on every other.
CREATE TABLE spring_session (
    primary_id CHAR(36) NOT NULL,
    session_id CHAR(36) NOT NULL,
    creation_time BIGINT NOT NULL,
    last_access_time BIGINT NOT NULL,
    max_inactive_interval INT NOT NULL,
    expiry_time BIGINT NOT NULL,
    principal_name VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36) NOT NULL,
    attribute_name VARCHAR(200) NOT NULL,
    attribute_bytes BYTEA NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- Scheduled jobs that must run once across instances hold a row here while they run (ShedLock).
CREATE TABLE shedlock (
    name VARCHAR(64) NOT NULL,
    lock_until TIMESTAMP NOT NULL,
    locked_at TIMESTAMP NOT NULL,
    locked_by VARCHAR(255) NOT NULL,
    CONSTRAINT shedlock_pk PRIMARY KEY (name)
);

-- One counter per cache kept in the instances' memory: a change bumps it, every instance polls the row and drops
-- its copies when the counter moved.
CREATE TABLE cache_version (
    name VARCHAR(64) NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT cache_version_pk PRIMARY KEY (name)
);
INSERT INTO cache_version (name, version) VALUES ('api-keys', 0);
INSERT INTO cache_version (name, version) VALUES ('master-data', 0);
