package org.openvmi.consignment;

import org.openvmi.testsupport.MutableClockConfiguration;
import org.openvmi.testsupport.PostgresTest;
import org.springframework.context.annotation.Import;

@PostgresTest
@Import(MutableClockConfiguration.class)
class VmiConsignmentOnPostgresIT extends VmiConsignmentContract {}
