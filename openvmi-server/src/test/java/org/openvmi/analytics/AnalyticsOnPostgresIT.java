package org.openvmi.analytics;

import org.openvmi.testsupport.MutableClockConfiguration;
import org.openvmi.testsupport.PostgresTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

@PostgresTest
@Import(MutableClockConfiguration.class)
@TestPropertySource(properties = {"openvmi.analytics.settle-lag=PT0S", "openvmi.analytics.batch-size=7"})
class AnalyticsOnPostgresIT extends AnalyticsContract {}
