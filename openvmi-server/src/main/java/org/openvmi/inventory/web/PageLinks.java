package org.openvmi.inventory.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/** Links that keep a page's filters (for the pager and the export buttons); blank filters are left out. */
final class PageLinks {

    private final Map<String, Object> params = new LinkedHashMap<>();

    PageLinks with(String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            params.put(name, value.toString().trim());
        }
        return this;
    }

    String url(String path) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        params.forEach(b::queryParam);
        return b.encode().build().toUriString();
    }
}
