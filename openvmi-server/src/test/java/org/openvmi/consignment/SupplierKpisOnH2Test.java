package org.openvmi.consignment;

import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.MutableClockConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

@H2Test
@Import(MutableClockConfiguration.class)
@TestPropertySource(properties = "openvmi.analytics.settle-lag=PT0S")
class SupplierKpisOnH2Test extends SupplierKpisContract {}
