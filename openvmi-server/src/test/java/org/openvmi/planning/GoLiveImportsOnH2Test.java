package org.openvmi.planning;

import org.openvmi.testsupport.H2Test;

@H2Test
class GoLiveImportsOnH2Test extends GoLiveImportsContract {}
