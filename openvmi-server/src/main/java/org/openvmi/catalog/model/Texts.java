package org.openvmi.catalog.model;

/** Message texts by key in the caller's language (backed by the i18n bundles), so plain classes stay free of Spring. */
@FunctionalInterface
public interface Texts {

    String get(String key, Object... args);
}
