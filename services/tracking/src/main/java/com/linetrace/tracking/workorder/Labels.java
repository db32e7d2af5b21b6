package com.linetrace.tracking.workorder;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.oned.Code128Writer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Serial labels of a work order as a printable A4 PDF: three columns of Code128 barcodes, each with the serial
 * in plain text below, so labels can be printed before the first station. Made on this machine; no font or
 * image is fetched from anywhere.
 */
final class Labels {

    private Labels() {}

    static byte[] pdf(String workOrder, String model, List<String> serials) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 24, 24, 24, 24);
        PdfWriter.getInstance(document, out);
        document.addTitle("Serial labels " + workOrder);
        document.open();
        document.add(new Paragraph(
                workOrder + " — " + model + " — " + serials.size() + " serials",
                new Font(Font.HELVETICA, 10, Font.BOLD)));
        var table = new PdfPTable(3);
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        for (var serial : serials) {
            var cell = new PdfPCell();
            cell.setPadding(6);
            cell.setBorder(Rectangle.BOX);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            var barcode = barcode(serial);
            barcode.scaleToFit(160, 40);
            barcode.setAlignment(Element.ALIGN_CENTER);
            cell.addElement(barcode);
            var text = new Paragraph(new Phrase(serial, new Font(Font.COURIER, 10, Font.BOLD)));
            text.setAlignment(Element.ALIGN_CENTER);
            cell.addElement(text);
            table.addCell(cell);
        }
        table.completeRow();
        document.add(table);
        document.close();
        return out.toByteArray();
    }

    private static Image barcode(String serial) {
        try {
            return Image.getInstance(barcodePng(serial));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The label's Code128 barcode of a serial, as a PNG image. */
    static byte[] barcodePng(String serial) {
        var matrix =
                new Code128Writer().encode(serial, BarcodeFormat.CODE_128, 320, 80, Map.of(EncodeHintType.MARGIN, 10));
        var png = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
