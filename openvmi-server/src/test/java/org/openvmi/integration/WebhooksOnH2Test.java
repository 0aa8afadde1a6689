package org.openvmi.integration;

import org.openvmi.testsupport.H2Test;

@H2Test
class WebhooksOnH2Test extends WebhookContract {}
