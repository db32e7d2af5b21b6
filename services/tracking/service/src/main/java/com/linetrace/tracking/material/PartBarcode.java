package com.linetrace.tracking.material;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A part's barcode as the plant's suppliers label them: the part number, then {@code ;L=} and the lot for parts
 * traced by lot, or {@code ;S=} and the part's own serial. Examples: {@code MTR-2207;L=L2611-04},
 * {@code ESC-40A;S=E40A26110001}.
 */
public record PartBarcode(
        String partNumber, @Nullable String lot, @Nullable String partSerial) {

    static final int MAX_LENGTH = 80;
    private static final Pattern TOKEN = Pattern.compile("[A-Z0-9][A-Z0-9._/-]{0,39}");

    /** Reads a scanned part barcode, or throws {@link MalformedPartBarcodeException} saying what is wrong. */
    public static PartBarcode parse(String text) {
        if (text.isEmpty()) {
            throw new MalformedPartBarcodeException("The part barcode is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new MalformedPartBarcodeException(
                    "The part barcode has " + text.length() + " characters; at most " + MAX_LENGTH);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new MalformedPartBarcodeException(
                        "The part barcode has an unexpected character at position " + (i + 1));
            }
        }
        var fields = text.split(";", -1);
        if (fields.length != 2 || fields[1].length() < 3 || fields[1].charAt(1) != '=') {
            throw new MalformedPartBarcodeException("A part barcode is PART-NUMBER;L=LOT or PART-NUMBER;S=SERIAL");
        }
        var partNumber = fields[0];
        var value = fields[1].substring(2);
        if (!TOKEN.matcher(partNumber).matches()) {
            throw new MalformedPartBarcodeException("'" + partNumber + "' is not a part number");
        }
        if (!TOKEN.matcher(value).matches()) {
            throw new MalformedPartBarcodeException("'" + value + "' is not a lot or serial");
        }
        return switch (fields[1].charAt(0)) {
            case 'L' -> new PartBarcode(partNumber, value, null);
            case 'S' -> new PartBarcode(partNumber, null, value);
            default ->
                throw new MalformedPartBarcodeException("A part barcode is PART-NUMBER;L=LOT or PART-NUMBER;S=SERIAL");
        };
    }

    public boolean serialized() {
        return partSerial != null;
    }
}
