package org.openvmi.analytics;

import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.MutableClockConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

@H2Test
@Import(MutableClockConfiguration.class)
@TestPropertySource(properties = {"openvmi.analytics.settle-lag=PT0S", "openvmi.analytics.batch-size=7"})
class DashboardsOnH2Test extends DashboardsContract {}
