package org.openvmi.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.openvmi.notification.ReportMail;
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
        jdbc.sql("SELECT report FROM notification_report_subscription WHERE username = :u").param("u", username)
                .query(String.class).list().forEach(r -> reports.add(ReportMail.valueOf(r)));
        return reports;
    }

    public void replace(String username, Set<ReportMail> reports, Instant now) {
        jdbc.sql("DELETE FROM notification_report_subscription WHERE username = :u").param("u", username).update();
        for (ReportMail r : reports) {
            jdbc.sql("INSERT INTO notification_report_subscription (username, report, created_at) VALUES (:u, :r, :now)")
                    .param("u", username).param("r", r.name()).param("now", Timestamp.from(now)).update();
        }
    }

    List<String> subscribers(ReportMail report) {
        return jdbc.sql("SELECT username FROM notification_report_subscription WHERE report = :r ORDER BY username")
                .param("r", report.name()).query(String.class).list();
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
                .param("r", report.name()).param("p", period).param("now", Timestamp.from(now)).update() > 0;
    }
}
