package org.openvmi.planning.model;

/**
 * How pressing a suggestion is: URGENT when the inventory position it was planned from (on hand + on order −
 * committed − reserved) is at or below the safety stock (the buffer is already used up), else NORMAL.
 */
public enum SuggestionUrgency {
    URGENT,
    NORMAL
}
