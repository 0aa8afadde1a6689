package org.openvmi.catalog.model;

/** A row of an import file, read into the entity's command. {@code row} is the number a spreadsheet shows. */
public record ImportRow<C>(int row, C command) {}
