package org.openvmi.planning;

import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.MutableClockConfiguration;
import org.springframework.context.annotation.Import;

@H2Test
@Import(MutableClockConfiguration.class)
class GoLiveImportsOnH2Test extends GoLiveImportsContract {}
