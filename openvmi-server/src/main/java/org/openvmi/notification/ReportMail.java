package org.openvmi.notification;

/** The scheduled report mails a buyer-side user may subscribe to (issue 15): weekly, in the user's language. */
public enum ReportMail {
    /** The ledger KPIs of the last seven days beside the seven before. */
    WEEKLY_KPIS,
    /** The stale-stock list (no issue for the configured days) with its value. */
    STALE_STOCK
}
