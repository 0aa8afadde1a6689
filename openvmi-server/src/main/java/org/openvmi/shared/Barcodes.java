package org.openvmi.shared;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Barcode images for labels and printed documents, drawn by ZXing: Code 128 for hand scanners, QR for phone cameras.
 * PNG, black on white, with the quiet zone the symbologies ask for; the image is sized in whole modules so printers
 * keep the bars sharp.
 */
public final class Barcodes {

    /** What can be encoded: codes of items, locations and documents, and barcodes; printable ASCII only. */
    public static final int MAX_LENGTH = 80;

    public enum Kind {
        CODE128,
        QR
    }

    private Barcodes() {}

    public static byte[] png(Kind kind, String text) {
        if (text == null
                || text.isEmpty()
                || text.length() > MAX_LENGTH
                || !text.chars().allMatch(c -> c >= 32 && c < 127)) {
            throw InvalidInputException.of("text", "must be 1 to " + MAX_LENGTH + " printable ASCII characters");
        }
        BitMatrix matrix;
        try {
            matrix = kind == Kind.QR
                    ? new QRCodeWriter()
                            .encode(
                                    text,
                                    BarcodeFormat.QR_CODE,
                                    0,
                                    0,
                                    Map.of(
                                            EncodeHintType.ERROR_CORRECTION,
                                            ErrorCorrectionLevel.M,
                                            EncodeHintType.MARGIN,
                                            4))
                    : new Code128Writer().encode(text, BarcodeFormat.CODE_128, 0, 0, Map.of(EncodeHintType.MARGIN, 10));
        } catch (WriterException | IllegalArgumentException e) {
            throw InvalidInputException.of("text", "cannot be encoded as " + kind + ": " + e.getMessage());
        }
        int scale = kind == Kind.QR ? 6 : 3;
        int height = kind == Kind.QR ? matrix.getHeight() * scale : 90;
        BufferedImage image = new BufferedImage(matrix.getWidth() * scale, height, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < height; y++) {
            int row = kind == Kind.QR ? y / scale : 0;
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x / scale, row) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
