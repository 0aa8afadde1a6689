package org.openvmi.supplier;

import org.openvmi.testsupport.H2Test;

@H2Test
class SupplierStockOnH2Test extends SupplierStockContract {}
