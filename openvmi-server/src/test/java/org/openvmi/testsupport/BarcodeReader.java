package org.openvmi.testsupport;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Reads a barcode image back with ZXing's decoder, as a scanner set up for the two symbologies the product prints
 * (Code 128 labels, QR codes) would: with every format allowed, "try harder" once read a Code 128 "PO-6" as the EAN-8
 * "47471771".
 */
public final class BarcodeReader {

    private BarcodeReader() {}

    public static Result decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new MultiFormatReader()
                .decode(
                        bitmap,
                        Map.of(
                                DecodeHintType.TRY_HARDER,
                                true,
                                DecodeHintType.POSSIBLE_FORMATS,
                                List.of(BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE)));
    }
}
