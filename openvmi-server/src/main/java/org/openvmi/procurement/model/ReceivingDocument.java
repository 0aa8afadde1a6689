package org.openvmi.procurement.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the receiving page reads first: a purchase order as printed ({@link PoNumber}: "PO-12", "po12", "12") or a
 * shipment notice ("ASN-3", "asn 3", "ASN3"), whose lines then open for the item scans.
 */
public record ReceivingDocument(Kind kind, long id) {

    public enum Kind {
        PURCHASE_ORDER,
        SHIPMENT_NOTICE
    }

    public static final String NOTICE_PREFIX = "ASN-";

    private static final Pattern NOTICE = Pattern.compile("ASN\\s*-?\\s*#?0*(\\d{1,18})");

    /** The document in a typed or scanned number; empty when the text is neither. */
    public static Optional<ReceivingDocument> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        Matcher m = NOTICE.matcher(typed.trim().toUpperCase(Locale.ROOT));
        if (m.matches()) {
            long id = Long.parseLong(m.group(1));
            return id > 0 ? Optional.of(new ReceivingDocument(Kind.SHIPMENT_NOTICE, id)) : Optional.empty();
        }
        return PoNumber.parse(typed).map(id -> new ReceivingDocument(Kind.PURCHASE_ORDER, id));
    }

    public boolean notice() {
        return kind == Kind.SHIPMENT_NOTICE;
    }

    /** The number as printed: PO-12 or ASN-3. */
    public String number() {
        return notice() ? NOTICE_PREFIX + id : PoNumber.format(id);
    }
}
