package org.openvmi.procurement.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openvmi.procurement.model.RequisitionStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openvmi.shared.IllegalTransition;

class RequisitionStatusTest {

    private static final Map<RequisitionStatus, Set<RequisitionStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(DRAFT, SUBMITTED),
            SUBMITTED, EnumSet.of(APPROVED, REJECTED),
            APPROVED, EnumSet.of(ORDERED),
            REJECTED, EnumSet.noneOf(RequisitionStatus.class),
            ORDERED, EnumSet.noneOf(RequisitionStatus.class));

    @Test
    void every_move_is_allowed_exactly_where_the_table_says_and_refused_elsewhere() {
        for (RequisitionStatus from : values()) {
            for (RequisitionStatus to : values()) {
                if (ALLOWED.get(from).contains(to)) {
                    assertThat(from.moveTo(to, "PR-1")).as(from + " → " + to).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> from.moveTo(to, "PR-1"))
                            .as(from + " → " + to)
                            .isInstanceOf(IllegalTransition.class);
                }
            }
        }
    }

    @Test
    void a_rejected_requisition_is_not_ordered_and_the_refusal_says_which_one_is() {
        assertThat(REJECTED.refusal(ORDERED, "PR-4"))
                .hasValueSatisfying(
                        e -> assertThat(e)
                                .hasMessage(
                                        "Requisition PR-4 is REJECTED and cannot become ORDERED: only a requisition that is APPROVED can"));
        assertThat(APPROVED.refusal(ORDERED, "PR-4")).isEmpty();
    }

    @Test
    void steps_are_decided_only_while_submitted_and_only_a_draft_is_edited() {
        SUBMITTED.requireDecidable("PR-1");
        assertThatThrownBy(() -> APPROVED.requireDecidable("PR-1")).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> SUBMITTED.moveTo(DRAFT, "PR-1"))
                .hasMessage(
                        "Requisition PR-1 is SUBMITTED and cannot become DRAFT: only a requisition that is DRAFT can");
    }
}
