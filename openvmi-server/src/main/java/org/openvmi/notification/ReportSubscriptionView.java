package org.openvmi.notification;

import java.time.Instant;

/**
 * One of the caller's report mail subscriptions: the report ({@link ReportMail} code), the warehouse it covers (null:
 * every warehouse) and since when.
 */
public record ReportSubscriptionView(String report, String warehouse, Instant createdAt) {}
