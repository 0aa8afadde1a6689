package org.openvmi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Result;
import org.junit.jupiter.api.Test;
import org.openvmi.testsupport.BarcodeReader;

class BarcodesTest {

    @Test
    void a_code_128_image_decodes_to_its_text() throws Exception {
        Result r = BarcodeReader.decode(Barcodes.png(Barcodes.Kind.CODE128, "BRG-0027.a_1"));
        assertThat(r.getBarcodeFormat()).isEqualTo(BarcodeFormat.CODE_128);
        assertThat(r.getText()).isEqualTo("BRG-0027.a_1");
    }

    /** Every short document number reads back as itself: "PO-6" once read as an EAN-8 when every format was tried. */
    @Test
    void short_document_numbers_decode_to_themselves() throws Exception {
        for (int n = 1; n <= 300; n++) {
            Result r = BarcodeReader.decode(Barcodes.png(Barcodes.Kind.CODE128, "PO-" + n));
            assertThat(r.getText()).as("PO-" + n).isEqualTo("PO-" + n);
        }
    }

    @Test
    void a_qr_image_decodes_to_its_text() throws Exception {
        Result r = BarcodeReader.decode(Barcodes.png(Barcodes.Kind.QR, "PO-12"));
        assertThat(r.getBarcodeFormat()).isEqualTo(BarcodeFormat.QR_CODE);
        assertThat(r.getText()).isEqualTo("PO-12");
    }

    @Test
    void empty_too_long_or_non_ascii_text_is_refused_at_the_field() {
        for (String bad : new String[] {"", "x".repeat(Barcodes.MAX_LENGTH + 1), "深圳仓"}) {
            assertThatThrownBy(() -> Barcodes.png(Barcodes.Kind.CODE128, bad))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("text"));
        }
    }
}
