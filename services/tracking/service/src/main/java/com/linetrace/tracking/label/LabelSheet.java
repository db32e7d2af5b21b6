package com.linetrace.tracking.label;

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
 * Label sheets as a printable A4 PDF: three columns of Code128 barcodes, each with its text below — the serials of a
 * work order, printed before the first station, or the ids of a line's stations, stuck on each station. Made on
 * this machine; no font or image is fetched from anywhere.
 */
public final class LabelSheet {

    private LabelSheet() {}

    /** What one label carries: the barcode's text, and a caption printed under it. */
    public record Label(String code, String caption) {}

    public static byte[] sheet(String title, String heading, List<Label> labels) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 24, 24, 24, 24);
        PdfWriter.getInstance(document, out);
        document.addTitle(title);
        document.open();
        document.add(new Paragraph(heading, new Font(Font.HELVETICA, 10, Font.BOLD)));
        var table = new PdfPTable(3);
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        for (var label : labels) {
            var cell = new PdfPCell();
            cell.setPadding(6);
            cell.setBorder(Rectangle.BOX);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            var barcode = barcode(label.code());
            barcode.scaleToFit(160, 40);
            barcode.setAlignment(Element.ALIGN_CENTER);
            cell.addElement(barcode);
            var text = new Paragraph(new Phrase(label.caption(), new Font(Font.COURIER, 10, Font.BOLD)));
            text.setAlignment(Element.ALIGN_CENTER);
            cell.addElement(text);
            table.addCell(cell);
        }
        table.completeRow();
        document.add(table);
        document.close();
        return out.toByteArray();
    }

    private static Image barcode(String code) {
        try {
            return Image.getInstance(barcodePng(code));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A label's Code128 barcode of {@code code}, as a PNG image. */
    public static byte[] barcodePng(String code) {
        var matrix =
                new Code128Writer().encode(code, BarcodeFormat.CODE_128, 320, 80, Map.of(EncodeHintType.MARGIN, 10));
        var png = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
