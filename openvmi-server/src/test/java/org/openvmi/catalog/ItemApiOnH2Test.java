package org.openvmi.catalog;

import org.openvmi.testsupport.H2Test;

@H2Test
class ItemApiOnH2Test extends ItemApiContract {}
