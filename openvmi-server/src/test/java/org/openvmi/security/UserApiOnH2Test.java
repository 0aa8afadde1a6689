package org.openvmi.security;

import org.openvmi.testsupport.H2Test;

@H2Test
class UserApiOnH2Test extends UserApiContract {}
