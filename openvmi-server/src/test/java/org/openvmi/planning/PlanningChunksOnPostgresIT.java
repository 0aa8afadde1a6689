package org.openvmi.planning;

import org.openvmi.testsupport.MutableClockConfiguration;
import org.openvmi.testsupport.PostgresTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

@PostgresTest
@Import({MutableClockConfiguration.class, PlanningGate.class})
@TestPropertySource(
        properties = {
            "openvmi.planning.chunk-size=2",
            "openvmi.planning.chunk-lease=PT" + PlanningChunksContract.LEASE_SECONDS + "S",
            "openvmi.planning.threads=2"
        })
class PlanningChunksOnPostgresIT extends PlanningChunksContract {}
