package com.linetrace.contracts.line;

import com.linetrace.contracts.Text;

/**
 * A lot's quarantine was lifted: stations accept it again. The units it held stay held until quality releases each.
 * Written once for each line of the plant, as {@link LotQuarantined} is.
 */
public record LotQuarantineLifted(String partNumber, String lot, String reason) implements LineEvent {

    public LotQuarantineLifted {
        Text.require("partNumber", partNumber, Text.ID);
        Text.require("lot", lot, Text.ID);
        Text.require("reason", reason, Text.REASON);
    }
}
