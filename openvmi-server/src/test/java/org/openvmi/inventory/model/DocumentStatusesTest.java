package org.openvmi.inventory.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openvmi.shared.IllegalTransition;

/** The state machines of the stock documents: every allowed move, and every other one refused the same way. */
class DocumentStatusesTest {

    private static final Map<TransferStatus, Set<TransferStatus>> TRANSFER = Map.of(
            TransferStatus.DRAFT, EnumSet.of(TransferStatus.SHIPPED),
            TransferStatus.SHIPPED,
                    EnumSet.of(TransferStatus.PARTIALLY_RECEIVED, TransferStatus.RECEIVED, TransferStatus.CLOSED),
            TransferStatus.PARTIALLY_RECEIVED,
                    EnumSet.of(TransferStatus.PARTIALLY_RECEIVED, TransferStatus.RECEIVED, TransferStatus.CLOSED),
            TransferStatus.RECEIVED, EnumSet.noneOf(TransferStatus.class),
            TransferStatus.CLOSED, EnumSet.noneOf(TransferStatus.class));

    @Test
    void a_transfer_moves_only_along_its_graph() {
        for (TransferStatus from : TransferStatus.values()) {
            for (TransferStatus to : TransferStatus.values()) {
                if (TRANSFER.get(from).contains(to)) {
                    assertThat(from.moveTo(to, 7)).as(from + " → " + to).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> from.moveTo(to, 7))
                            .as(from + " → " + to)
                            .isInstanceOf(IllegalTransition.class);
                }
            }
        }
        assertThat(EnumSet.allOf(TransferStatus.class).stream().filter(TransferStatus::inTransit))
                .containsExactly(TransferStatus.SHIPPED, TransferStatus.PARTIALLY_RECEIVED);
        assertThat(EnumSet.allOf(TransferStatus.class).stream().filter(TransferStatus::isFinal))
                .containsExactly(TransferStatus.RECEIVED, TransferStatus.CLOSED);
    }

    @Test
    void a_count_stays_open_while_counted_and_is_posted_once() {
        assertThat(CountStatus.OPEN.moveTo(CountStatus.OPEN, 3)).isEqualTo(CountStatus.OPEN);
        assertThat(CountStatus.OPEN.moveTo(CountStatus.POSTED, 3)).isEqualTo(CountStatus.POSTED);
        assertThatThrownBy(() -> CountStatus.POSTED.moveTo(CountStatus.POSTED, 3))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("Count 3 is POSTED and cannot become POSTED: only a count that is OPEN can");
        assertThatThrownBy(() -> CountStatus.POSTED.moveTo(CountStatus.OPEN, 3)).isInstanceOf(IllegalTransition.class);
    }
}
