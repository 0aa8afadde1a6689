package org.openvmi.audit;

import org.openvmi.testsupport.H2Test;

@H2Test
class AuditApiOnH2Test extends AuditApiContract {}
