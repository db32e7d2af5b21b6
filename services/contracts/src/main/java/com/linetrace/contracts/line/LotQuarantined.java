package com.linetrace.contracts.line;

import com.linetrace.contracts.Text;

/**
 * A lot was quarantined: refused at every station, and every unit containing it held. A quarantine is plant-wide, so
 * tracking writes it once for each line of the plant, that each line's andon and dashboard hear of it.
 *
 * @param unitsHeld how many units containing the lot were held plant-wide when it was quarantined
 */
public record LotQuarantined(String partNumber, String lot, String reason, int unitsHeld) implements LineEvent {

    public LotQuarantined {
        Text.require("partNumber", partNumber, Text.ID);
        Text.require("lot", lot, Text.ID);
        Text.require("reason", reason, Text.REASON);
        if (unitsHeld < 0) {
            throw new IllegalArgumentException("unitsHeld must not be negative");
        }
    }
}
