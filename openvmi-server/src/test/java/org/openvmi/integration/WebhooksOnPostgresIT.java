package org.openvmi.integration;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class WebhooksOnPostgresIT extends WebhookContract {}
