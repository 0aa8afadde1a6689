package org.openvmi.stockpolicy;

import org.openvmi.testsupport.H2Test;

@H2Test
class StockPolicyOnH2Test extends StockPolicyContract {}
