package org.openvmi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openvmi.catalog.CatalogPicks;
import org.openvmi.procurement.PurchaseOrderPicks;
import org.openvmi.security.UserPicks;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A person types or scans what it knows into a code field of a page's form: the warehouse name "上海中心仓", an item's
 * barcode or name, a PO number as printed ("PO-12"), a user's display name. Before a page's controller reads the field,
 * such a text is replaced by the code it stands for (when it is not a code itself and stands for exactly one record the
 * caller may see), so the form is accepted as if the picker had been used; anything else reaches the controller as
 * typed and is refused at its field. Runs after the security filters (the party scope is known); the REST API under
 * {@code /api} takes codes only and is left alone.
 */
@Component
class PickedCodes extends OncePerRequestFilter {

    private final Map<String, Function<String, Optional<String>>> fields = new LinkedHashMap<>();
    private final Function<String, Optional<String>> locations;

    PickedCodes(CatalogPicks catalog, UserPicks users) {
        fields.put("item", catalog::itemCodeFor);
        fields.put("warehouse", catalog::warehouseCodeFor);
        fields.put("location", catalog::locationCodeFor);
        fields.put("supplier", catalog::supplierCodeFor);
        fields.put("po", PurchaseOrderPicks::idFor);
        fields.put("urgentApprover", users::usernameFor);
        fields.put(
                "approvers",
                text -> Optional.of(Arrays.stream(text.split(","))
                                .map(name -> users.usernameFor(name).orElse(name.trim()))
                                .collect(Collectors.joining(", ")))
                        .filter(joined -> !joined.equals(text)));
        locations = catalog::locationCodeFor;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String type = request.getContentType();
        // the receiving page reads PO numbers as printed and item barcodes itself, and shows a refused scan as typed
        return path.startsWith("/api/")
                || path.startsWith("/pick/")
                || path.startsWith("/webjars/")
                || path.startsWith("/receipts")
                || !("GET".equals(request.getMethod()) || "POST".equals(request.getMethod()))
                || (type != null
                        && !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(type)));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> resolved = null;
        boolean transfer = request.getRequestURI().startsWith(request.getContextPath() + "/transfers");
        for (Map.Entry<String, String[]> param : request.getParameterMap().entrySet()) {
            // a list row's field counts by its own name: lines[2].item is an item
            String field = param.getKey().substring(param.getKey().lastIndexOf('.') + 1);
            Function<String, Optional<String>> resolver =
                    transfer && (field.equals("from") || field.equals("to")) ? locations : fields.get(field);
            if (resolver == null) {
                continue;
            }
            String[] values = param.getValue().clone();
            boolean changed = false;
            for (int i = 0; i < values.length; i++) {
                Optional<String> code =
                        values[i] == null || values[i].isBlank() ? Optional.empty() : resolver.apply(values[i]);
                if (code.isPresent()) {
                    values[i] = code.get();
                    changed = true;
                }
            }
            if (changed) {
                if (resolved == null) {
                    resolved = new LinkedHashMap<>(request.getParameterMap());
                }
                resolved.put(param.getKey(), values);
            }
        }
        chain.doFilter(
                resolved == null ? request : new Resolved(request, Collections.unmodifiableMap(resolved)), response);
    }

    /** The request with the resolved codes in place of what was typed. */
    private static final class Resolved extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        Resolved(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }
    }
}
