/**
 * Notifications of alerts to people: e-mail (immediately or as a periodic digest, in each recipient's language) by
 * role, warehouse and alert type, suppliers only about their own items. Reacts to {@code stockpolicy}'s
 * AlertsChanged (batches of raised and resolved alerts) through the event publication registry, queues mails in an outbox and sends them with
 * retries. The public API is {@link org.openvmi.notification.NotificationPreferences} and
 * {@link org.openvmi.notification.MailLog}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"analytics", "audit", "catalog", "procurement", "security", "shared", "stockpolicy"})
package org.openvmi.notification;
