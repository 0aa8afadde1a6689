package org.openvmi.consignment.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openvmi.consignment.model.StatementStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openvmi.shared.IllegalTransition;

class StatementStatusTest {

    private static final Map<StatementStatus, Set<StatementStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(ISSUED),
            ISSUED, EnumSet.of(CONFIRMED, DISPUTED),
            CONFIRMED, EnumSet.of(CLOSED),
            DISPUTED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(StatementStatus.class));

    @Test
    void every_move_is_allowed_exactly_where_the_table_says_and_refused_elsewhere() {
        for (StatementStatus from : values()) {
            for (StatementStatus to : values()) {
                if (ALLOWED.get(from).contains(to)) {
                    assertThat(from.moveTo(to, 1)).as(from + " → " + to).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> from.moveTo(to, 1))
                            .as(from + " → " + to)
                            .isInstanceOf(IllegalTransition.class);
                }
            }
        }
    }

    @Test
    void each_action_leads_to_its_status_and_a_closed_statement_is_closed_for_good() {
        assertThat(Action.ISSUE.to()).isEqualTo(ISSUED);
        assertThat(Action.DISPUTE.to()).isEqualTo(DISPUTED);
        assertThatThrownBy(() -> CLOSED.moveTo(Action.CLOSE.to(), 9))
                .hasMessage(
                        "Statement 9 is CLOSED and cannot become CLOSED: only a statement that is CONFIRMED or DISPUTED can");
    }
}
