package org.openvmi.channels.model;

/**
 * Why a channel is paused for an item. LINE: the automatic pause line ({@link PauseRule}), which also resumes it.
 * RULE (a rules-engine rule) and MANUAL (a person): a held pause, which the pause line leaves alone until a rule or a
 * person resumes it.
 */
public enum PauseReason {
    LINE,
    RULE,
    MANUAL;

    /** Whether the automatic line leaves the pause alone. */
    public boolean held() {
        return this != LINE;
    }
}
