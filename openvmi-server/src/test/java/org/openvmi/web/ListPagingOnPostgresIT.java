package org.openvmi.web;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class ListPagingOnPostgresIT extends ListPagingContract {}
