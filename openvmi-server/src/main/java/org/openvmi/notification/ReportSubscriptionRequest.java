package org.openvmi.notification;

/**
 * {@code POST /api/v1/report-subscriptions} ({@code report} required: WEEKLY_KPIS or STALE_STOCK) and
 * {@code PUT /api/v1/report-subscriptions/{report}} (the report is the path's; {@code warehouse} a warehouse code, or
 * null / blank for every warehouse).
 */
public record ReportSubscriptionRequest(String report, String warehouse) {}
