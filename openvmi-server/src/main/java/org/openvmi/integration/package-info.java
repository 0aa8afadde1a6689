/**
 * Integration with other systems. For now: webhooks. An ADMIN registers receivers (URL, secret, event types); each
 * event becomes one delivery per matching subscription in an outbox, POSTed as signed JSON by a dispatcher that
 * retries with exponential backoff and logs every attempt. Webhooks are buyer-side and admin-level: a subscription
 * receives every event of its types, so none is ever given to a supplier. The public API is
 * {@link org.openvmi.integration.Webhooks}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "channels", "procurement", "shared", "stockpolicy"})
package org.openvmi.integration;
