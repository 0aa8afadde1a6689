package org.openvmi.integration;

import org.openvmi.testsupport.H2Test;

@H2Test
class EventsToRabbitMqOnH2Test extends EventsToRabbitMqContract {}
