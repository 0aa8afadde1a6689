package org.openvmi.shared.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openvmi.shared.InvalidInputException;

class TextFileEncodingTest {

    static final String TEXT = "code,name,category\r\nA-1,\"六角螺栓 M8, 不锈钢\",紧固件\r\nA-2,深沟球轴承 6204（双面密封）€,轴承\r\n";

    /** The ways Excel, WPS and Notepad on a Chinese Windows save a table as text. */
    enum Saved {
        UTF_8(StandardCharsets.UTF_8, new byte[0]),
        UTF_8_WITH_BOM(StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
        GB18030(Charset.forName("GB18030"), new byte[0]),
        UTF_16LE_WITH_BOM(StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}),
        UTF_16BE_WITH_BOM(StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}),
        UTF_16LE_WITHOUT_BOM(StandardCharsets.UTF_16LE, new byte[0]);

        final Charset charset;
        final byte[] bom;

        Saved(Charset charset, byte[] bom) {
            this.charset = charset;
            this.bom = bom;
        }

        byte[] bytes(String text) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(bom);
            out.writeBytes(text.getBytes(charset));
            return out.toByteArray();
        }
    }

    @ParameterizedTest
    @EnumSource(Saved.class)
    void a_table_saved_in_each_encoding_reads_as_the_same_rows(Saved saved) {
        TextFileEncoding.Decoded decoded = TextFileEncoding.decode(saved.bytes(TEXT));
        assertThat(decoded.text()).isEqualTo(TEXT);
        assertThat(decoded.charset()).isEqualTo(saved.charset);

        List<TabularRow> rows = TabularFiles.read(new ByteArrayInputStream(saved.bytes(TEXT)), TabularFormat.CSV);
        assertThat(rows)
                .extracting(r -> r.get("code") + "/" + r.get("name") + "/" + r.get("category"))
                .containsExactly("A-1/六角螺栓 M8, 不锈钢/紧固件", "A-2/深沟球轴承 6204（双面密封）€/轴承");
    }

    @Test
    void a_file_in_neither_utf_8_nor_gb18030_is_refused_naming_the_encodings_and_where() {
        // Windows-1252 (a Western European "ANSI" CSV): é followed by a space is valid in neither
        byte[] latin = "code,name\nA-1,Café crème\n".getBytes(Charset.forName("windows-1252"));
        assertThatThrownBy(() -> TabularFiles.read(new ByteArrayInputStream(latin), TabularFormat.CSV))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("file");
                    assertThat(e.errors().get(0).message()).contains("UTF-8", "GB18030", "UTF-16", "line 2", "0xE9");
                });
    }

    @Test
    void a_byte_order_mark_that_lies_is_refused_naming_the_encoding_it_claims() {
        byte[] bad = Saved.UTF_8_WITH_BOM.bytes("code\n");
        byte[] lying = Arrays.copyOf(bad, bad.length + 2);
        lying[bad.length] = (byte) 0xC3; // a UTF-8 lead byte cut off
        lying[bad.length + 1] = (byte) 0x0A;
        assertThatThrownBy(() -> TextFileEncoding.decode(lying))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("UTF-8 (as its byte order mark says)");
    }

    @ParameterizedTest
    @EnumSource(
            value = TabularFormat.class,
            names = {"CSV", "CSV_WITHOUT_BOM", "CSV_GB18030"})
    void an_export_opens_as_its_encoding_says_and_imports_again_unchanged(TabularFormat format) {
        byte[] csv = TabularFiles.write(List.of("code", "name"), List.of(List.of("A-1", "六角螺栓 M8 不锈钢")), format);
        boolean bom = csv.length > 2 && (csv[0] & 0xFF) == 0xEF && (csv[1] & 0xFF) == 0xBB && (csv[2] & 0xFF) == 0xBF;
        assertThat(bom).isEqualTo(format == TabularFormat.CSV);
        // as Excel opens it: UTF-8 when there is a BOM, the system's GB18030 otherwise
        String opened =
                bom ? new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8) : new String(csv, format.charset());
        assertThat(opened).isEqualTo("code,name\r\nA-1,六角螺栓 M8 不锈钢\r\n");
        assertThat(format.contentType())
                .isEqualTo("text/csv; charset=" + format.charset().name());
        assertThat(TabularFiles.read(new ByteArrayInputStream(csv), TabularFormat.CSV))
                .extracting(r -> r.get("name"))
                .containsExactly("六角螺栓 M8 不锈钢");
    }

    @Test
    void export_parameters_choose_the_encoding_and_refuse_unknown_ones_naming_the_field() {
        assertThat(TabularFormat.parse(null, null, true)).isEqualTo(TabularFormat.CSV);
        assertThat(TabularFormat.parse("csv", "GB18030", true)).isEqualTo(TabularFormat.CSV_GB18030);
        assertThat(TabularFormat.parse("csv", "gbk", true)).isEqualTo(TabularFormat.CSV_GB18030);
        assertThat(TabularFormat.parse("csv", "utf-8", false)).isEqualTo(TabularFormat.CSV_WITHOUT_BOM);
        assertThat(TabularFormat.parse("xlsx", "gb18030", false)).isEqualTo(TabularFormat.XLSX);
        assertThatThrownBy(() -> TabularFormat.parse("csv", "big5", true))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("encoding"));
        assertThatThrownBy(() -> TabularFormat.parse("csv_gb18030"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("format"));
    }
}
