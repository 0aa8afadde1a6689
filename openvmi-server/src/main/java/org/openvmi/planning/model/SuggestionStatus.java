package org.openvmi.planning.model;

/** OPEN until a person accepts or rejects it; a newer run supersedes the OPEN ones of the same item-warehouse. */
@org.springframework.modulith.NamedInterface("status")
public enum SuggestionStatus {
    OPEN,
    ACCEPTED,
    REJECTED,
    SUPERSEDED
}
