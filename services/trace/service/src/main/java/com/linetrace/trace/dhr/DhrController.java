package com.linetrace.trace.dhr;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.export.ExportReceipt;
import com.linetrace.trace.api.DeviceHistoryRecords;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link DeviceHistoryRecords} over HTTP. The mappings are the interface's own, so the server and its remote clients
 * cannot disagree on a path; the roles named here are checked before the body is read, and again by the service, which records the export.
 */
@RolesAllowed({Roles.QUALITY, Roles.SUPERVISOR, Roles.MANAGER, Roles.ENGINEER, Roles.ADMIN})
@RestController
class DhrController implements DeviceHistoryRecords {

    private final DeviceHistoryRecordService records;

    DhrController(DeviceHistoryRecordService records) {
        this.records = records;
    }

    @Override
    public ResponseEntity<Resource> pdf(Serial serial) {
        return records.pdf(serial);
    }

    @Override
    public ResponseEntity<Resource> json(Serial serial) {
        return records.json(serial);
    }

    @Override
    public ExportReceipt exportPdf(Serial serial) {
        return records.exportPdf(serial);
    }

    @Override
    public ExportReceipt exportJson(Serial serial) {
        return records.exportJson(serial);
    }
}
