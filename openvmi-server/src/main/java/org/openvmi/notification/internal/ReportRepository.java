package org.openvmi.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openvmi.notification.ReportMail;
import org.openvmi.notification.ReportSubscriptionView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who subscribed to which report mail, and which report periods were mailed already. */
@Repository
public class ReportRepository {

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Set<ReportMail> subscriptions(String username) {
        Set<ReportMail> reports = EnumSet.noneOf(ReportMail.class);
        mine(username).forEach(v -> reports.add(ReportMail.valueOf(v.report())));
        return reports;
    }

    /** The user's subscriptions in report order. */
    public List<ReportSubscriptionView> mine(String username) {
        return jdbc.sql("SELECT report, warehouse, created_at FROM notification_report_subscription WHERE username = :u"
                        + " ORDER BY report")
                .param("u", username)
                .query((rs, n) -> new ReportSubscriptionView(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** Subscribes the user; false when it was subscribed to the report already (then nothing changes). */
    public boolean add(String username, ReportMail report, String warehouse, Instant now) {
        return jdbc.sql("""
                INSERT INTO notification_report_subscription (username, report, warehouse, created_at)
                SELECT :u, :r, :w, :now WHERE NOT EXISTS (
                    SELECT 1 FROM notification_report_subscription WHERE username = :u AND report = :r)""")
                        .param("u", username)
                        .param("r", report.name())
                        .param("w", warehouse)
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    /** Changes the warehouse of the user's subscription; false when there is none. */
    public boolean change(String username, ReportMail report, String warehouse) {
        return jdbc.sql(
                                "UPDATE notification_report_subscription SET warehouse = :w WHERE username = :u AND report = :r")
                        .param("w", warehouse)
                        .param("u", username)
                        .param("r", report.name())
                        .update()
                > 0;
    }

    public boolean remove(String username, ReportMail report) {
        return jdbc.sql("DELETE FROM notification_report_subscription WHERE username = :u AND report = :r")
                        .param("u", username)
                        .param("r", report.name())
                        .update()
                > 0;
    }

    /** A subscriber of a report and the warehouse its report covers (null: every warehouse). */
    record Subscriber(String username, String warehouse) {}

    List<Subscriber> subscribers(ReportMail report) {
        return jdbc.sql("SELECT username, warehouse FROM notification_report_subscription WHERE report = :r"
                        + " ORDER BY username")
                .param("r", report.name())
                .query((rs, n) -> new Subscriber(rs.getString(1), rs.getString(2)))
                .list();
    }

    /**
     * Takes the period for this instance: false when it was taken before. Two instances inserting at once: the
     * primary key lets one through and fails the other's insert (DuplicateKeyException), which then mails nothing.
     */
    boolean claim(ReportMail report, String period, Instant now) {
        return jdbc.sql("""
                INSERT INTO notification_report_run (report, period_key, ran_at)
                SELECT :r, :p, :now WHERE NOT EXISTS (
                    SELECT 1 FROM notification_report_run WHERE report = :r AND period_key = :p)""")
                        .param("r", report.name())
                        .param("p", period)
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }
}
