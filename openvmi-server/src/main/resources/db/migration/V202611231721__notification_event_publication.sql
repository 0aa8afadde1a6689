-- Spring Modulith's JDBC event publication registry (schema v2 of spring-modulith-events-jdbc 2.1), written once for
-- H2 and PostgreSQL so Flyway owns every table (spring.modulith.events.jdbc.schema-initialization.enabled=false).
-- An event with an @ApplicationModuleListener is stored here in the transaction that published it (an alert commits
-- together with the record that it must still be notified); the row is deleted when the listener has finished
-- (completion-mode: delete), so the table only holds the work in flight. Rows left by a crash are republished on
-- restart. Types: VARCHAR instead of PostgreSQL's TEXT so one file fits both databases (H2 maps TEXT to a CLOB).
CREATE TABLE event_publication (
    id                     UUID                     NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512)             NOT NULL,
    event_type             VARCHAR(512)             NOT NULL,
    serialized_event       VARCHAR(4000)            NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_listener_id ON event_publication (listener_id);
CREATE INDEX event_publication_by_completion_date ON event_publication (completion_date);
