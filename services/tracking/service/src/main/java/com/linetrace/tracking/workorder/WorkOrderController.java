package com.linetrace.tracking.workorder;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.WorkOrderNumber;
import com.linetrace.contracts.export.ExportReceipt;
import com.linetrace.tracking.Caller;
import com.linetrace.tracking.api.WorkOrderPlanning;
import com.linetrace.tracking.api.WorkOrderRefusedException;
import com.linetrace.tracking.label.LabelExports;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link WorkOrderPlanning}, for the HTTP API and for the UI in-process alike: the mappings are the interface's, the
 * roles are checked here, and who released a work order is the caller.
 */
@RestController
class WorkOrderController implements WorkOrderPlanning {

    private final WorkOrders workOrders;
    private final LabelExports exports;

    WorkOrderController(WorkOrders workOrders, LabelExports exports) {
        this.workOrders = workOrders;
        this.exports = exports;
    }

    @Override
    @ResponseStatus(HttpStatus.CREATED)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ENGINEER, Roles.ADMIN})
    public Released release(ReleaseRequest request) {
        return workOrders.release(
                request.model(), request.line(), request.quantity(), request.dueDate(), Caller.name());
    }

    @Override
    @RolesAllowed({Roles.SUPERVISOR, Roles.ENGINEER, Roles.QUALITY, Roles.MANAGER, Roles.ADMIN})
    public List<Summary> workOrders(int limit) {
        return workOrders.workOrders(limit);
    }

    @Override
    @RolesAllowed({Roles.SUPERVISOR, Roles.ENGINEER, Roles.QUALITY, Roles.MANAGER, Roles.ADMIN})
    public Released workOrder(WorkOrderNumber number) {
        return workOrders.find(number).orElseThrow(() -> WorkOrderRefusedException.unknown(number));
    }

    @Override
    @RolesAllowed({Roles.SUPERVISOR, Roles.ENGINEER, Roles.ADMIN})
    public byte[] labels(WorkOrderNumber number) {
        var labels = workOrders.labels(number).orElseThrow(() -> WorkOrderRefusedException.unknown(number));
        return exports.handOut(labels.sheet(), labels.pdf());
    }

    @Override
    @RolesAllowed({Roles.SUPERVISOR, Roles.ENGINEER, Roles.ADMIN})
    public ExportReceipt exportLabels(WorkOrderNumber number) {
        var labels = workOrders.labels(number).orElseThrow(() -> WorkOrderRefusedException.unknown(number));
        return exports.toFolder(labels.sheet(), labels.pdf());
    }

    @Override
    @RolesAllowed({Roles.SUPERVISOR, Roles.ENGINEER, Roles.QUALITY, Roles.MANAGER, Roles.ADMIN})
    public List<Choice> modelsWithRoute() {
        return workOrders.modelsWithRoute();
    }

    @Override
    @RolesAllowed({Roles.SUPERVISOR, Roles.ENGINEER, Roles.QUALITY, Roles.MANAGER, Roles.ADMIN})
    public List<Choice> lines() {
        return workOrders.lines();
    }
}
