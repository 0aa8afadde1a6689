package org.openvmi.shared;

import org.openvmi.testsupport.H2Test;

@H2Test
class RequestInputOnH2Test extends RequestInputContract {}
