package org.openvmi.integration;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class EventsToRabbitMqOnPostgresIT extends EventsToRabbitMqContract {}
