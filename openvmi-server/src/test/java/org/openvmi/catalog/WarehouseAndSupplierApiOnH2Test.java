package org.openvmi.catalog;

import org.openvmi.testsupport.H2Test;

@H2Test
class WarehouseAndSupplierApiOnH2Test extends WarehouseAndSupplierApiContract {}
