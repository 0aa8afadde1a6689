package org.openvmi.planning;

import org.openvmi.testsupport.MutableClockConfiguration;
import org.openvmi.testsupport.PostgresTest;
import org.springframework.context.annotation.Import;

@PostgresTest
@Import(MutableClockConfiguration.class)
class GoLiveImportsOnPostgresIT extends GoLiveImportsContract {}
