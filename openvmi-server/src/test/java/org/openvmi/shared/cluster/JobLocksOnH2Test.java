package org.openvmi.shared.cluster;

import org.openvmi.testsupport.H2Test;

@H2Test
class JobLocksOnH2Test extends JobLocksContract {}
