package org.openvmi.shared.tabular;

import org.openvmi.testsupport.H2Test;

@H2Test
class OfficeFilesOnH2Test extends OfficeFilesContract {}
