package org.openvmi.security;

import org.openvmi.testsupport.H2Test;

@H2Test
class SupplierScopeLeakOnH2Test extends SupplierScopeLeakContract {}
