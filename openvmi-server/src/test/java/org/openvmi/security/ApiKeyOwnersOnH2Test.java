package org.openvmi.security;

import org.openvmi.testsupport.H2Test;

@H2Test
class ApiKeyOwnersOnH2Test extends ApiKeyOwnersContract {}
