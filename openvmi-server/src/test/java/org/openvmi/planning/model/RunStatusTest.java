package org.openvmi.planning.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A run's status knows its moves: DONE only from RUNNING, FAILED from QUEUED or RUNNING, nothing after either. */
class RunStatusTest {

    @Test
    void done_and_failed_are_final_and_done_follows_only_running() {
        assertThat(RunStatus.DONE.isFinal()).isTrue();
        assertThat(RunStatus.FAILED.isFinal()).isTrue();
        assertThat(RunStatus.FAILED.canMoveTo(RunStatus.DONE)).isFalse();
        assertThat(RunStatus.FAILED.canMoveTo(RunStatus.RUNNING)).isFalse();
        assertThat(RunStatus.DONE.canMoveTo(RunStatus.FAILED)).isFalse();
        assertThat(RunStatus.QUEUED.canMoveTo(RunStatus.DONE)).isFalse();
        assertThat(RunStatus.from(RunStatus.DONE)).containsExactly("RUNNING");
        assertThat(RunStatus.from(RunStatus.RUNNING)).containsExactly("QUEUED", "RUNNING");
        assertThat(RunStatus.from(RunStatus.FAILED)).containsExactly("QUEUED", "RUNNING");
    }

    @Test
    void no_status_moves_to_queued_so_asking_for_it_is_refused_rather_than_an_empty_in_list() {
        assertThat(RunStatus.QUEUED.next()).isNotEmpty();
        for (RunStatus s : RunStatus.values()) {
            assertThat(s.canMoveTo(RunStatus.QUEUED)).isFalse();
        }
        assertThatThrownBy(() -> RunStatus.from(RunStatus.QUEUED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QUEUED");
        for (RunStatus to : RunStatus.values()) {
            if (to != RunStatus.QUEUED) {
                assertThat(RunStatus.from(to)).as("from(%s)", to).isNotEmpty();
            }
        }
    }
}
