package org.openvmi.web;

import org.openvmi.testsupport.H2Test;

@H2Test
class ListPagingOnH2Test extends ListPagingContract {}
