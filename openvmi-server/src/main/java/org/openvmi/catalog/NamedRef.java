package org.openvmi.catalog;

/**
 * A supplier or warehouse as another feature shows it next to its own rows: id, code and name (ADR 0052: features
 * read these through {@link CatalogRefs} by id, in one query per page, rather than joining catalog's tables).
 */
public record NamedRef(long id, String code, String name) {}
