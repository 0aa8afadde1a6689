package org.openvmi.web;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class PickersOnPostgresIT extends PickerContract {}
