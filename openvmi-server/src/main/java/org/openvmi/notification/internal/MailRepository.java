package org.openvmi.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.openvmi.notification.MailView;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The mail outbox and the lines waiting for digests. */
@Repository
public class MailRepository {

    private final JdbcClient jdbc;

    MailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record QueuedMail(long id, String to, String subject, String body, int attempts, Instant nextAttemptAt) {}

    /** Queues a mail unless one with the same key was queued before; returns whether it queued. */
    boolean enqueue(
            String username,
            String to,
            String language,
            String kind,
            String subject,
            String body,
            String dedupKey,
            Instant now) {
        return jdbc.sql("""
                INSERT INTO notification_mail (username, to_address, mail_language, mail_kind, subject, body, dedup_key,
                                               status, attempts, next_attempt_at, created_at)
                SELECT :u, :to, :lang, :kind, :subject, :body, :key, 'PENDING', 0, :now, :now
                WHERE NOT EXISTS (SELECT 1 FROM notification_mail WHERE dedup_key = :key)""")
                        .param("u", username)
                        .param("to", to)
                        .param("lang", language)
                        .param("kind", kind)
                        .param("subject", subject)
                        .param("body", body)
                        .param("key", dedupKey)
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    long insertDigest(
            String username, String to, String language, String subject, String body, String dedupKey, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO notification_mail (username, to_address, mail_language, mail_kind, subject, body, dedup_key,
                                               status, attempts, next_attempt_at, created_at)
                VALUES (:u, :to, :lang, 'DIGEST', :subject, :body, :key, 'PENDING', 0, :now, :now)""")
                .param("u", username)
                .param("to", to)
                .param("lang", language)
                .param("subject", subject)
                .param("body", body)
                .param("key", dedupKey)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void addDigestEntry(String username, String dedupKey, String line, Instant now) {
        jdbc.sql("""
                INSERT INTO notification_digest_entry (username, dedup_key, line_text, created_at)
                SELECT :u, :key, :line, :now
                WHERE NOT EXISTS (SELECT 1 FROM notification_digest_entry WHERE dedup_key = :key)""")
                .param("u", username)
                .param("key", dedupKey)
                .param("line", line)
                .param("now", Timestamp.from(now))
                .update();
    }

    List<String> usersWithDigestEntries() {
        return jdbc.sql(
                        "SELECT DISTINCT username FROM notification_digest_entry WHERE mail_id IS NULL ORDER BY username")
                .query(String.class)
                .list();
    }

    record DigestEntry(long id, String line, Instant createdAt) {}

    /** The user's waiting lines, locked so that two instances running the digest never mail them twice. */
    List<DigestEntry> lockDigestEntries(String username) {
        return jdbc.sql("""
                SELECT id, line_text, created_at FROM notification_digest_entry
                WHERE username = :u AND mail_id IS NULL ORDER BY id FOR UPDATE""")
                .param("u", username)
                .query((rs, i) -> new DigestEntry(
                        rs.getLong("id"),
                        rs.getString("line_text"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    void attach(List<Long> entryIds, long mailId) {
        jdbc.sql("UPDATE notification_digest_entry SET mail_id = :m WHERE id IN (:ids)")
                .param("m", mailId)
                .param("ids", entryIds)
                .update();
    }

    List<QueuedMail> due(Instant now, int limit) {
        return due("EMAIL", now, limit);
    }

    /**
     * Queues a message for a user's group robot (channel WECOM or DINGTALK) unless one with the same key was queued
     * before. {@code to} is the robot's address without its key; the sender reads the address and secret from the
     * user's preference when it sends.
     */
    boolean enqueueRobot(
            String username,
            String channel,
            String to,
            String language,
            String subject,
            String body,
            String dedupKey,
            Instant now) {
        return enqueueRobot(username, null, channel, to, language, subject, body, dedupKey, now);
    }

    /**
     * Queues a message for a group robot configured apart from users (ADR 0076) unless one with the same key was
     * queued before; the row names the robot, whose address and secret the sender reads when it sends.
     */
    boolean enqueueGroupRobot(
            long robotId,
            String channel,
            String to,
            String language,
            String subject,
            String body,
            String dedupKey,
            Instant now) {
        return enqueueRobot("robot#" + robotId, robotId, channel, to, language, subject, body, dedupKey, now);
    }

    private boolean enqueueRobot(
            String username,
            Long robotId,
            String channel,
            String to,
            String language,
            String subject,
            String body,
            String dedupKey,
            Instant now) {
        return jdbc.sql("""
                INSERT INTO notification_mail (username, to_address, mail_language, mail_kind, subject, body, dedup_key,
                                               status, attempts, next_attempt_at, created_at, channel, robot_id)
                SELECT :u, :to, :lang, 'IMMEDIATE', :subject, :body, :key, 'PENDING', 0, :now, :now, :channel, :robot
                WHERE NOT EXISTS (SELECT 1 FROM notification_mail WHERE dedup_key = :key)""")
                        .param("u", username)
                        .param("to", to.length() > 254 ? to.substring(0, 254) : to)
                        .param("lang", language)
                        .param("subject", subject.length() > 500 ? subject.substring(0, 500) : subject)
                        .param("body", body)
                        .param("key", dedupKey)
                        .param("now", Timestamp.from(now))
                        .param("channel", channel)
                        .param("robot", robotId)
                        .update()
                > 0;
    }

    /**
     * A robot message due to be sent: its channel and user (whose preference holds the robot's address), or the group
     * robot it was queued for ({@code robotId}, null for a user's robot).
     */
    record QueuedRobotMessage(
            long id,
            String username,
            String channel,
            String subject,
            String body,
            int attempts,
            Instant nextAttemptAt,
            Long robotId) {}

    List<QueuedRobotMessage> dueRobotMessages(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id, username, channel, subject, body, attempts, next_attempt_at, robot_id FROM notification_mail
                WHERE channel IN ('WECOM', 'DINGTALK') AND status = 'PENDING' AND next_attempt_at <= :now
                ORDER BY next_attempt_at, id LIMIT :limit""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, i) -> new QueuedRobotMessage(
                        rs.getLong("id"),
                        rs.getString("username"),
                        rs.getString("channel"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("next_attempt_at").toInstant(),
                        rs.getObject("robot_id", Long.class)))
                .list();
    }

    private List<QueuedMail> due(String channel, Instant now, int limit) {
        return jdbc.sql("""
                SELECT id, to_address, subject, body, attempts, next_attempt_at FROM notification_mail
                WHERE channel = :channel AND status = 'PENDING' AND next_attempt_at <= :now
                ORDER BY next_attempt_at, id LIMIT :limit""")
                .param("channel", channel)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, i) -> new QueuedMail(
                        rs.getLong("id"),
                        rs.getString("to_address"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("next_attempt_at").toInstant()))
                .list();
    }

    /** Takes a due mail for this sender until {@code leaseUntil}; false when another instance took it first. */
    boolean claim(long id, Instant seenNextAttempt, Instant leaseUntil) {
        return jdbc.sql("""
                UPDATE notification_mail SET next_attempt_at = :lease
                WHERE id = :id AND status = 'PENDING' AND next_attempt_at = :seen""")
                        .param("lease", Timestamp.from(leaseUntil))
                        .param("id", id)
                        .param("seen", Timestamp.from(seenNextAttempt))
                        .update()
                == 1;
    }

    void sent(long id, Instant now) {
        jdbc.sql(
                        "UPDATE notification_mail SET status = 'SENT', attempts = attempts + 1, sent_at = :now, last_error = NULL,"
                                + " last_error_code = NULL WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    /** A failed attempt: its English {@code error} and its {@code code} ({@link SendErrors}) for the pages. */
    void failedAttempt(long id, String code, String error, Instant next, boolean giveUp) {
        jdbc.sql("""
                UPDATE notification_mail SET attempts = attempts + 1, last_error = :e, last_error_code = :c,
                       next_attempt_at = :next, status = :status WHERE id = :id""")
                .param("e", error)
                .param("c", code)
                .param("next", Timestamp.from(next))
                .param("status", giveUp ? "FAILED" : "PENDING")
                .param("id", id)
                .update();
    }

    /** The mail log's sortable columns (URL key, SQL). */
    static final SortColumns SORT = SortColumns.of(
            "id DESC",
            "id",
            "to",
            "to_address",
            "subject",
            "subject",
            "status",
            "status",
            "attempts",
            "attempts",
            "created",
            "created_at",
            "sent",
            "sent_at");

    public List<MailView> findPage(String status, PageRequest page) {
        return jdbc.sql("SELECT * FROM notification_mail WHERE " + statusFilter(status) + SORT.orderBy(page)
                        + " LIMIT :limit OFFSET :offset")
                .param("status", String.valueOf(status))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, i) -> view(rs))
                .list();
    }

    public long count(String status) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_mail WHERE " + statusFilter(status))
                .param("status", String.valueOf(status))
                .query(Long.class)
                .single();
    }

    private static String statusFilter(String status) {
        return status == null ? "(1 = 1 OR status = :status)" : "status = :status";
    }

    private static MailView view(ResultSet rs) throws SQLException {
        return new MailView(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("to_address"),
                rs.getString("mail_language"),
                rs.getString("mail_kind"),
                rs.getString("subject"),
                rs.getString("status"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                rs.getString("last_error_code"),
                instant(rs, "created_at"),
                instant(rs, "next_attempt_at"),
                instant(rs, "sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
