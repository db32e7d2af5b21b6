package com.linetrace.tracking.workorder;

import com.linetrace.tracking.label.LabelSheet;
import java.util.List;

/** Serial labels of a work order, printed before the first station: each serial as a barcode and as text. */
final class Labels {

    private Labels() {}

    static byte[] pdf(String workOrder, String model, List<String> serials) {
        return LabelSheet.sheet(
                "Serial labels " + workOrder,
                workOrder + " — " + model + " — " + serials.size() + " serials",
                serials.stream()
                        .map(serial -> new LabelSheet.Label(serial, serial))
                        .toList());
    }
}
