package com.linetrace.trace.query;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.trace.api.Genealogy;
import com.linetrace.trace.api.HoldRecord;
import com.linetrace.trace.api.InstalledPart;
import com.linetrace.trace.api.OperationParts;
import com.linetrace.trace.api.OperationRecord;
import com.linetrace.trace.api.ProvisioningRecord;
import com.linetrace.trace.api.UnitSummary;
import com.linetrace.trace.api.UnitTrace;
import com.linetrace.trace.api.UnknownSerialException;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The in-process binding of {@link UnitTrace}: what the plant's UI calls, and what the controller serves. */
@RolesAllowed({Roles.QUALITY, Roles.SUPERVISOR, Roles.MANAGER, Roles.ENGINEER, Roles.ADMIN})
class UnitTraceService implements UnitTrace {

    private final UnitRepository units;

    UnitTraceService(UnitRepository units) {
        this.units = units;
    }

    @Override
    public UnitSummary unit(Serial serial) {
        return known(serial);
    }

    @Override
    public Genealogy genealogy(Serial serial) {
        var unit = known(serial);
        var visited = new HashSet<String>();
        visited.add(unit.serial());
        return genealogy(unit, 0, visited);
    }

    @Override
    public List<OperationRecord> operations(Serial serial) {
        known(serial);
        return units.operations(serial.value());
    }

    @Override
    public List<HoldRecord> holds(Serial serial) {
        known(serial);
        return units.holds(serial.value());
    }

    @Override
    public List<ProvisioningRecord> provisioning(Serial serial) {
        known(serial);
        return units.provisioning(serial.value());
    }

    private UnitSummary known(Serial serial) {
        return units.unit(serial.value()).orElseThrow(() -> UnknownSerialException.of(serial));
    }

    /**
     * The unit's tree: a part whose serial is a unit recorded here opens that unit's own tree, down to
     * {@link Genealogy#MAX_DEPTH}; a serial already on the path (a mistyped scan naming an ancestor) is not opened
     * again, so the tree always ends.
     */
    private Genealogy genealogy(UnitSummary unit, int depth, Set<String> path) {
        var parts = units.parts(unit.serial());
        var names = units.operationNames(unit.serial());
        var subSerials = parts.stream()
                .map(UnitRepository.PartRow::partSerial)
                .filter(Objects::nonNull)
                .filter(s -> !path.contains(s))
                .distinct()
                .toList();
        var subUnits = units.knownUnits(subSerials);
        var truncated = false;
        var byOperation = new LinkedHashMap<Integer, List<InstalledPart>>();
        for (var part : parts) {
            Genealogy sub = null;
            if (part.partSerial() != null && subUnits.contains(part.partSerial())) {
                if (depth + 1 > Genealogy.MAX_DEPTH) {
                    truncated = true;
                } else {
                    path.add(part.partSerial());
                    sub = genealogy(units.unit(part.partSerial()).orElseThrow(), depth + 1, path);
                    path.remove(part.partSerial());
                    truncated |= sub.truncated();
                }
            }
            byOperation
                    .computeIfAbsent(part.operation(), op -> new ArrayList<>())
                    .add(new InstalledPart(
                            part.partNumber(),
                            part.lot(),
                            part.partSerial(),
                            part.quantity(),
                            part.referenceDesignator(),
                            part.station(),
                            part.actor(),
                            part.installedAt(),
                            sub));
        }
        var operations = byOperation.entrySet().stream()
                .map(e -> new OperationParts(e.getKey(), names.get(e.getKey()), e.getValue()))
                .toList();
        return new Genealogy(
                unit,
                operations,
                units.firmware(unit.serial()),
                units.key(unit.serial()).orElse(null),
                truncated);
    }
}
