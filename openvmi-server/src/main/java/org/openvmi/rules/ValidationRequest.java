package org.openvmi.rules;

/** A CEL text to check: {@code kind} CONDITION (must give a bool, the default) or QUANTITY (must give a number). */
public record ValidationRequest(String expression, String kind) {}
