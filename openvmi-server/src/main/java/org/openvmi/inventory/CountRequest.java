package org.openvmi.inventory;

import jakarta.validation.Valid;
import java.util.List;
import org.openvmi.shared.MaxChars;

/**
 * {@code POST /counts}: a count sheet for one {@code location}, or for a {@code warehouse} (optionally only the items
 * of one {@code category}); {@code blind} hides book quantities from the counter. The sheet is a snapshot of the book
 * quantities of the stock keys in that scope; counted {@code lines} may come with it. With {@code post: true} it is
 * the one-shot form: the sheet holds exactly the given lines and is posted at once.
 */
public record CountRequest(
        String location,
        String warehouse,
        @MaxChars(64) String category,
        Boolean blind,
        @MaxChars(100) String reference,
        Boolean post,
        List<CountEntryRequest.@Valid Line> lines) {}
