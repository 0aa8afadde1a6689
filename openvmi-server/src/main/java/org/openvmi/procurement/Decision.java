package org.openvmi.procurement;

/** Body of approve / reject / delegate: a comment or reason, and for delegate the user who takes over. */
public record Decision(String comment, String reason, String to) {}
