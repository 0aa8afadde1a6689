package org.openvmi.stockpolicy;

import org.openvmi.testsupport.H2Test;

@H2Test
class AlertOnH2Test extends AlertContract {}
