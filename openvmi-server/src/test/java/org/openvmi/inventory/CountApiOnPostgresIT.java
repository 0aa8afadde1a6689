package org.openvmi.inventory;

import org.openvmi.testsupport.MutableClockConfiguration;
import org.openvmi.testsupport.PostgresTest;
import org.springframework.context.annotation.Import;

@PostgresTest
@Import(MutableClockConfiguration.class)
class CountApiOnPostgresIT extends CountApiContract {}
