/**
 * The table import machinery (CSV/XLSX): other features register a {@link org.openvmi.catalog.model.TabularAdapter}
 * bean to make their lists importable and exportable through {@code /imports/{entity}} and {@code /exports/{entity}}.
 */
@org.springframework.modulith.NamedInterface("tabular-import")
package org.openvmi.catalog.model;
