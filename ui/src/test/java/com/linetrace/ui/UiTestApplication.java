package com.linetrace.ui;

import com.linetrace.contracts.Serial;
import com.linetrace.contracts.unit.WorkCompleted.Result;
import com.linetrace.trace.api.HistoryEntry;
import com.linetrace.trace.api.UnitHistory;
import com.linetrace.tracking.api.LineStatus;
import com.linetrace.tracking.api.ScanVerdict;
import com.linetrace.tracking.api.StationInfo;
import com.linetrace.tracking.api.StationOperations;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The UI alone, for integration tests: tracking and trace are stand-ins with an empty line, since their
 * implementations live in their own modules; PostgreSQL (users) and Kafka (events) are real.
 */
@SpringBootApplication
class UiTestApplication {

    @Bean
    StationOperations stationOperations() {
        return new StationOperations() {
            @Override
            public ScanVerdict checkIn(String stationId, UUID scanId, String barcode, String actor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ScanVerdict checkOut(
                    String stationId, UUID scanId, String barcode, Result result, List<String> defects, String actor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<ScanVerdict> recentScans(String stationId, int limit) {
                return List.of();
            }

            @Override
            public List<StationInfo> stations() {
                return List.of(new StationInfo("ASM-1", "L1", "ASSEMBLY", 1, "Assembly 1"));
            }

            @Override
            public LineStatus lineStatus(String lineId) {
                return new LineStatus(lineId, List.of(), 0, 0, 0);
            }
        };
    }

    @Bean
    UnitHistory unitHistory() {
        return new UnitHistory() {
            @Override
            public List<HistoryEntry> history(Serial serial) {
                return List.of();
            }

            @Override
            public List<HistoryEntry> latest(String lineId, int limit) {
                return List.of();
            }
        };
    }
}
