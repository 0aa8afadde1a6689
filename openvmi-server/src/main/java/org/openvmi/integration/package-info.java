/**
 * Integration with other systems: business events out (ADR 0062). Every feature event worth telling another system
 * is written, in the transaction of the business change, to one event outbox with an id, a type, a version and an
 * ordering key; a publisher sends it to RabbitMQ (topic exchange openvmi.events, publisher confirms) and each
 * matching webhook subscription gets a delivery, POSTed as signed JSON with retries and exponential backoff (FAILED
 * deliveries are the dead letters, replayed by hand). An ADMIN's subscription receives every event of its types; a
 * supplier user's only its own supplier's. The public API is {@link org.openvmi.integration.Webhooks}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "audit",
            "catalog",
            "channels",
            "consignment",
            "inventory",
            "planning",
            "procurement",
            "rules",
            "shared",
            "stockpolicy"
        })
package org.openvmi.integration;
