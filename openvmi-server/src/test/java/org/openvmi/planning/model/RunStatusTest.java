package org.openvmi.planning.model;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(RunStatus.from(RunStatus.QUEUED)).isEmpty();
    }
}
