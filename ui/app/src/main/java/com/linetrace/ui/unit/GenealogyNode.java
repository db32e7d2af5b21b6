package com.linetrace.ui.unit;

import com.linetrace.trace.api.DeviceKey;
import com.linetrace.trace.api.Genealogy;
import com.linetrace.trace.api.InstalledPart;
import com.linetrace.trace.api.ModuleFirmware;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of a unit's genealogy tree: an operation with its parts under it, a part (with the sub-assembly's own
 * genealogy under it when the part is a unit traced here), the firmware per module, the device key. {@code id} is
 * the row's path in the tree, so that two equal parts are still two rows.
 */
record GenealogyNode(
        String id,
        String item,
        @Nullable String lot,
        @Nullable String serial,
        @Nullable String designator,
        String detail,
        List<GenealogyNode> children) {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    GenealogyNode {
        children = List.copyOf(children);
    }

    /** The tree's top rows: the unit's operations with their parts, its firmware, its key. */
    static List<GenealogyNode> of(Genealogy genealogy) {
        return of(genealogy, "");
    }

    private static List<GenealogyNode> of(Genealogy genealogy, String path) {
        var rows = new ArrayList<GenealogyNode>();
        for (var op : genealogy.operations()) {
            var opPath = path + "/op" + op.operation();
            var parts = new ArrayList<GenealogyNode>();
            for (int i = 0; i < op.parts().size(); i++) {
                parts.add(part(op.parts().get(i), opPath + "/" + i));
            }
            var name = op.operationName() == null ? "" : " " + op.operationName();
            rows.add(new GenealogyNode(
                    opPath,
                    "Op " + op.operation() + name,
                    null,
                    null,
                    null,
                    parts.size() + (parts.size() == 1 ? " part" : " parts"),
                    parts));
        }
        if (!genealogy.firmware().isEmpty()) {
            var modules = genealogy.firmware().stream()
                    .map(fw -> firmware(fw, path + "/fw/" + fw.module()))
                    .toList();
            rows.add(new GenealogyNode(
                    path + "/fw", "Firmware", null, null, null, modules.size() + " modules", modules));
        }
        var key = genealogy.key();
        if (key != null) {
            rows.add(key(key, path + "/key"));
        }
        if (genealogy.truncated()) {
            rows.add(new GenealogyNode(
                    path + "/cut", "…", null, null, null, "deeper sub-assemblies are not opened", List.of()));
        }
        return rows;
    }

    private static GenealogyNode part(InstalledPart part, String path) {
        var sub = part.subAssembly();
        var detail = "×" + part.quantity() + " at " + Objects.requireNonNullElse(part.station(), "–") + " by "
                + part.actor() + ", " + time(part.installedAt());
        if (sub != null) {
            detail += " · a unit of its own: "
                    + Objects.requireNonNullElse(sub.unit().model(), "model unknown") + ", "
                    + sub.unit().status();
        }
        return new GenealogyNode(
                path,
                part.partNumber(),
                part.lot(),
                part.partSerial(),
                part.referenceDesignator(),
                detail,
                sub == null ? List.of() : of(sub, path));
    }

    private static GenealogyNode firmware(ModuleFirmware fw, String path) {
        var detail = "version " + fw.version() + " · SHA-256 " + fw.sha256() + " · release " + fw.releaseId()
                + " · verified " + time(fw.verifiedAt())
                + (fw.revokedReason() == null ? "" : " · REVOKED: " + fw.revokedReason());
        return new GenealogyNode(path, fw.module().name(), null, null, null, detail, List.of());
    }

    private static GenealogyNode key(DeviceKey key, String path) {
        var detail =
                "fingerprint " + key.fingerprint() + " · " + Objects.requireNonNullElse(key.subject(), "no certificate")
                        + (key.verified()
                                ? " · verified"
                                : " · not verified " + Objects.requireNonNullElse(key.rejectionCode(), ""));
        return new GenealogyNode(path, "Device key", null, null, null, detail, List.of());
    }

    private static String time(Instant at) {
        return TIME.format(at);
    }
}
