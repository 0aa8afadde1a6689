package org.openvmi.planning.internal;

import org.openvmi.testsupport.H2Test;

@H2Test
class ReplanQueueOnH2Test extends ReplanQueueContract {}
