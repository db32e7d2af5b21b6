package com.linetrace.provisioning.equipment;

import static com.linetrace.provisioning.RequestFields.required;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.MalformedSerialException;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Sha256;
import com.linetrace.contracts.equipment.EquipmentResult;
import com.linetrace.contracts.equipment.FlashReported;
import com.linetrace.contracts.equipment.KeyInjectionReported;
import com.linetrace.provisioning.ProvisioningSettings;
import com.linetrace.provisioning.api.ProvisioningProblem;
import com.linetrace.provisioning.firmware.FirmwareModuleNames;
import com.linetrace.provisioning.firmware.FlashVerdict;
import com.linetrace.provisioning.keyinjection.KeyInjectionVerdict;
import jakarta.annotation.security.RolesAllowed;
import java.security.Principal;
import java.time.Clock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST adapters for fixtures and stations that cannot write to Kafka: the result becomes the same event a
 * Kafka producer would send, takes the same path, and the verdict comes back at once (200 with VERIFIED or
 * REJECTED; a refused request is problem+json). Only registered equipment signs in here (role {@code EQUIPMENT}),
 * each with its own credential: the reporting fixture or station is the signed-in one, never a person.
 */
@RestController
@RequestMapping("/api/equipment")
class EquipmentResultController {

    private final EquipmentResults results;
    private final ProvisioningSettings settings;
    private final Clock clock;

    EquipmentResultController(EquipmentResults results, ProvisioningSettings settings, Clock provisioningClock) {
        this.results = results;
        this.settings = settings;
        this.clock = provisioningClock;
    }

    record FlashResult(
            @Nullable String serial,
            @Nullable String line,
            @Nullable String station,
            @Nullable String model,
            @Nullable String module,
            @Nullable String version,
            @Nullable String sha256Written,
            @Nullable String sha256ReadBack,
            @Nullable String fixtureId) {}

    @PostMapping("/flash-results")
    @RolesAllowed(Roles.EQUIPMENT)
    FlashVerdict flash(@RequestBody FlashResult result, Principal equipment) {
        var fixture = signedIn(result.fixtureId(), equipment, "fixtureId");
        var body = valid(() -> new FlashReported(
                required(result.model(), "model"),
                FirmwareModuleNames.parse(required(result.module(), "module")),
                required(result.version(), "version"),
                Sha256.parse(required(result.sha256Written(), "sha256Written")),
                Sha256.parse(required(result.sha256ReadBack(), "sha256ReadBack")),
                fixture));
        return results.flash(envelope(result.serial(), result.line(), result.station(), equipment, body));
    }

    record KeyInjectionResult(
            @Nullable String serial,
            @Nullable String line,
            @Nullable String secureElementId,
            @Nullable String keyPurpose,
            @Nullable String publicKeyPem,
            @Nullable String csrPem,
            @Nullable String certificatePem,
            @Nullable String stationId) {}

    @PostMapping("/key-injection-results")
    @RolesAllowed(Roles.EQUIPMENT)
    KeyInjectionVerdict keyInjection(@RequestBody KeyInjectionResult result, Principal equipment) {
        var body = valid(() -> new KeyInjectionReported(
                required(result.secureElementId(), "secureElementId"),
                required(result.keyPurpose(), "keyPurpose"),
                required(result.publicKeyPem(), "publicKeyPem"),
                required(result.csrPem(), "csrPem"),
                required(result.certificatePem(), "certificatePem"),
                required(result.stationId(), "stationId")));
        return results.keyInjection(envelope(result.serial(), result.line(), result.stationId(), equipment, body));
    }

    /** The signed-in equipment's id; a report naming other equipment is refused. */
    private static String signedIn(@Nullable String reported, Principal equipment, String field) {
        if (reported != null && !reported.equals(equipment.getName())) {
            throw ProvisioningProblem.NOT_THIS_EQUIPMENT.exception(
                    field + " " + reported + " is not the signed-in equipment " + equipment.getName()
                            + ": equipment reports only its own work");
        }
        return equipment.getName();
    }

    private <E extends EquipmentResult> EventEnvelope<E> envelope(
            @Nullable String serial, @Nullable String line, @Nullable String station, Principal user, E body) {
        var unit = valid(() -> Serial.parse(required(serial, "serial")));
        return new EventEnvelope<>(
                EventIds.next(),
                EquipmentResult.SCHEMA_VERSION,
                clock.instant(),
                settings.plant(),
                required(line, "line"),
                station,
                unit,
                user.getName(),
                body);
    }

    private static <T> T valid(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (MalformedSerialException e) {
            throw ProvisioningProblem.INVALID_REQUEST.exception("serial: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ProvisioningProblem.INVALID_REQUEST.exception(e.getMessage());
        }
    }
}
