package org.openvmi.procurement.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceivingDocumentTest {

    @Test
    void a_shipment_notice_number_is_read_in_any_case_with_or_without_the_dash() {
        for (String typed : new String[] {"ASN-3", "asn-3", "ASN3", " asn 3 ", "ASN-#003"}) {
            assertThat(ReceivingDocument.parse(typed))
                    .as(typed)
                    .contains(new ReceivingDocument(ReceivingDocument.Kind.SHIPMENT_NOTICE, 3));
        }
        assertThat(ReceivingDocument.parse("ASN-3").orElseThrow().number()).isEqualTo("ASN-3");
    }

    @Test
    void anything_else_is_read_as_a_po_number_as_printed_or_refused() {
        assertThat(ReceivingDocument.parse("po-12"))
                .contains(new ReceivingDocument(ReceivingDocument.Kind.PURCHASE_ORDER, 12));
        assertThat(ReceivingDocument.parse("12").orElseThrow().number()).isEqualTo("PO-12");
        for (String typed : new String[] {"ASN-0", "ASN-", "XX-1", "", "PO-ASN-1"}) {
            assertThat(ReceivingDocument.parse(typed)).as(typed).isEmpty();
        }
        assertThat(ReceivingDocument.parse(null)).isEmpty();
    }
}
