package org.openvmi.inventory;

import org.openvmi.testsupport.H2FileTest;

/** The soak on the embedded default as users run it: an H2 file opened with application.yml's URL. */
@H2FileTest
class LedgerSoakOnH2Test extends LedgerSoakContract {}
