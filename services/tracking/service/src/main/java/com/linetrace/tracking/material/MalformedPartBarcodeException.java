package com.linetrace.tracking.material;

/** A scanned text that is not a part barcode; the message says why. */
public class MalformedPartBarcodeException extends IllegalArgumentException {

    public MalformedPartBarcodeException(String reason) {
        super(reason);
    }
}
