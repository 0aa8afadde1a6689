package org.openvmi.planning;

import org.openvmi.testsupport.MutableClockConfiguration;
import org.openvmi.testsupport.PostgresTest;
import org.springframework.context.annotation.Import;

@PostgresTest
@Import({MutableClockConfiguration.class, PlanningGate.class})
class SuggestionEventsOnPostgresIT extends SuggestionEventsContract {}
