package org.openvmi.shared.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.openvmi.shared.InvalidInputException;

/**
 * The one way every text import (CSV uploads, CLI files) decodes its bytes, as offices produce them: Excel's
 * "CSV UTF-8" (with a byte order mark), plain UTF-8, "Unicode text" (UTF-16 LE/BE with a BOM) and the GB18030/GBK
 * files that Excel and WPS save by default on a Chinese Windows. Decided by validity, never by guessing (ADR 0024):
 * a BOM (Commons IO {@link BOMInputStream}) names the encoding; without one, the bytes are UTF-8 if they decode
 * strictly as UTF-8, and GB18030 if they do not but decode strictly as GB18030. UTF-16 without a BOM (every other byte
 * zero) is recognised by its zeros. Anything else is refused with a message naming the encodings tried, so a file is never stored garbled.
 */
public final class TextFileEncoding {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private TextFileEncoding() {}

    /** The decoded text and the encoding it was read in. */
    public record Decoded(String text, Charset charset) {}

    public static Decoded decode(InputStream in) throws IOException {
        BOMInputStream bom = BOMInputStream.builder()
                .setInputStream(in)
                .setByteOrderMarks(
                        ByteOrderMark.UTF_8,
                        ByteOrderMark.UTF_16LE,
                        ByteOrderMark.UTF_16BE,
                        ByteOrderMark.UTF_32LE,
                        ByteOrderMark.UTF_32BE)
                .setInclude(false)
                .get();
        ByteOrderMark mark = bom.getBOM();
        byte[] bytes = bom.readAllBytes();
        if (mark != null) {
            Charset charset = Charset.forName(mark.getCharsetName());
            return new Decoded(strict(bytes, charset, charset.name() + " (as its byte order mark says)"), charset);
        }
        Charset utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) {
            return new Decoded(strict(bytes, utf16, utf16.name()), utf16);
        }
        String utf8 = tryDecode(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new Decoded(utf8, StandardCharsets.UTF_8);
        }
        String gb = tryDecode(bytes, GB18030);
        if (gb != null) {
            return new Decoded(gb, GB18030);
        }
        throw InvalidInputException.of(
                "file",
                "the text is neither UTF-8 nor GB18030/GBK (nor UTF-16 with a byte "
                        + "order mark): save it as \"CSV UTF-8\" and upload it again (" + firstBadByte(bytes) + ")");
    }

    public static Decoded decode(byte[] bytes) {
        try {
            return decode(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String strict(byte[] bytes, Charset charset, String what) {
        String text = tryDecode(bytes, charset);
        if (text == null) {
            throw InvalidInputException.of(
                    "file",
                    "the text cannot be read as " + what + ": save it as \"CSV UTF-8\" " + "and upload it again");
        }
        return text;
    }

    private static String tryDecode(byte[] bytes, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** UTF-16 without a BOM: ASCII text has a zero in every other byte (at odd positions LE, at even positions BE). */
    private static Charset utf16WithoutBom(byte[] bytes) {
        int n = Math.min(bytes.length & ~1, 4096);
        if (n < 4) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }
        int pairs = n / 2;
        if (oddZeros * 2 > pairs && evenZeros * 10 < pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros * 2 > pairs && oddZeros * 10 < pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Where UTF-8 decoding fails, as line and byte, so the user can find the odd character. */
    private static String firstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int at = in.position();
        int line = 1;
        for (int i = 0; i < at; i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return String.format("line %d: byte 0x%02X", line, bytes[Math.min(at, bytes.length - 1)] & 0xFF);
    }
}
