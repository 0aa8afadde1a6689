package org.openvmi.audit;

import java.time.Instant;
import java.util.List;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;

/** The audit log: who did what, when, with before and after values. Written in the caller's transaction. */
public interface AuditTrail {

    /**
     * Records one change. {@code before} and {@code after} are any values serialisable to JSON (records, maps), or null
     * (null before = created, null after = deleted).
     */
    void record(String action, String entity, String entityKey, Object before, Object after);

    /** Records many changes of one use case (an import) with one JDBC batch, in the caller's transaction. */
    void recordAll(List<Change> changes);

    /** Records an event with an explicit actor, for requests that have no authenticated user (failed logins). */
    void recordAs(String actor, String action, String entity, String entityKey, Object details);

    PageResult<AuditEntry> find(AuditQuery query, PageRequest page);

    /** One change for {@link #recordAll}; same meaning as the arguments of {@link #record}. */
    record Change(String action, String entity, String entityKey, Object before, Object after) {}

    /** Filters; null or blank means "any". {@code from} is inclusive, {@code to} exclusive. */
    record AuditQuery(String actor, String action, String entity, String entityKey, Instant from, Instant to) {

        public static final AuditQuery ANY = new AuditQuery(null, null, null, null, null, null);

        public AuditQuery {
            actor = blankToNull(actor);
            action = blankToNull(action);
            entity = blankToNull(entity);
            entityKey = blankToNull(entityKey);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }

    record AuditEntry(
            long id,
            Instant at,
            String actor,
            String action,
            String entity,
            String entityKey,
            String before,
            String after) {}
}
