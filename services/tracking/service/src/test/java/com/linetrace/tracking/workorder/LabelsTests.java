package com.linetrace.tracking.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.oned.Code128Reader;
import com.linetrace.contracts.Serial;
import com.linetrace.tracking.label.LabelSheet;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.LongStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

class LabelsTests {

    @Test
    void printsEverySerialAsTextAndABarcodeThatReadsBack() throws Exception {
        var serials = LongStream.rangeClosed(1, 7)
                .mapToObj(n -> Serial.issue("LTRC", n, 9).value())
                .toList();
        var pdf = Labels.pdf("WO-000042", "AX4-ENT", serials);

        var reader = new PdfReader(pdf);
        var text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("WO-000042", serials.getFirst(), serials.getLast());

        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        for (var serial : serials) {
            assertThat(decode(serial)).isEqualTo(serial);
        }
    }

    /** The barcode image the label carries, read back by a scanner's decoder. */
    private static String decode(String serial) throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(LabelSheet.barcodePng(serial)));
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new Code128Reader().decode(bitmap).getText();
    }

    @Test
    void labelsAnEmptyOrderWithoutFailing() {
        assertThat(Labels.pdf("WO-1", "AX4-ENT", List.of())).startsWith("%PDF".getBytes());
    }
}
