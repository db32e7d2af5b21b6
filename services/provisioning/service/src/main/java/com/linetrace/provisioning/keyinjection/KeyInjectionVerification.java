package com.linetrace.provisioning.keyinjection;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.equipment.KeyInjectionReported;
import com.linetrace.contracts.provisioning.KeyInjectionRejected;
import com.linetrace.contracts.provisioning.KeyInjectionVerified;
import com.linetrace.contracts.provisioning.ProvisioningEvent;
import com.linetrace.messaging.Outbox;
import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.provisioning.api.UnitKeyInjections;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies a reported key injection ({@link DeviceCertificateCheck}) and that the key was never seen on another
 * unit — seen meaning reported with a proof of possession (a CSR its private key signed). A key seen before on another unit rejects both: this unit, and the earlier one, whose verification is
 * withdrawn with a {@code KeyInjectionRejected(DUPLICATE_KEY)} of its own so that tracking holds it too.
 */
@Service
public class KeyInjectionVerification implements UnitKeyInjections {

    private final KeyInjectionRepository injections;
    private final PlantCa plantCa;
    private final KeyPolicy policy;
    private final Outbox outbox;
    private final Clock clock;

    KeyInjectionVerification(
            KeyInjectionRepository injections,
            PlantCa plantCa,
            KeyPolicy policy,
            @Qualifier("provisioningMessaging") ServiceMessaging messaging,
            Clock provisioningClock) {
        this.injections = injections;
        this.plantCa = plantCa;
        this.policy = policy;
        this.outbox = messaging.outbox();
        this.clock = provisioningClock;
    }

    @Override
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    public List<KeyInjectionRecord> keyInjections(Serial serial) {
        return injections.ofSerial(serial);
    }

    @Transactional
    public KeyInjectionVerdict verify(EventEnvelope<KeyInjectionReported> event) {
        var now = clock.instant();
        var serial = event.serial();
        var check = DeviceCertificateCheck.check(serial, event.body(), plantCa, policy, now);
        var fingerprint = check.fingerprint();
        KeyInjectionVerdict verdict;
        // Only a report that proved possession of the private key is a use of the key: anyone can copy a public
        // key out of another unit's certificate, and must not get that unit held with it.
        if (fingerprint != null
                && check.possessionProven()
                && !injections.claim(fingerprint, serial).equals(serial)) {
            verdict = rejected(
                    KeyInjectionRejected.Code.DUPLICATE_KEY,
                    "Duplicate key: public key " + fingerprint + " was already reported on another unit",
                    fingerprint);
            for (var earlier : injections.otherReporters(fingerprint, serial)) {
                var reason = "Duplicate key: public key " + fingerprint + " was also reported on unit " + serial;
                injections.rejectVerified(
                        earlier.serial(), fingerprint, verdict.code().name(), reason);
                publish(
                        event,
                        earlier.serial(),
                        earlier.plant(),
                        earlier.line(),
                        new KeyInjectionRejected(KeyInjectionRejected.Code.DUPLICATE_KEY, reason, fingerprint));
            }
        } else if (check instanceof DeviceCertificateCheck.Failed failed) {
            verdict = rejected(failed.code(), failed.reason(), fingerprint);
        } else {
            var passed = (DeviceCertificateCheck.Passed) check;
            verdict = new KeyInjectionVerdict(
                    KeyInjectionVerdict.Verdict.VERIFIED,
                    null,
                    "Verified: key " + passed.fingerprint() + " certified by " + passed.issuer() + " for " + serial,
                    passed.fingerprint());
        }
        injections.insert(event, verdict, check);
        ProvisioningEvent outcome = check instanceof DeviceCertificateCheck.Passed passed
                        && verdict.verdict() == KeyInjectionVerdict.Verdict.VERIFIED
                ? new KeyInjectionVerified(
                        passed.fingerprint(),
                        passed.subject(),
                        passed.issuer(),
                        event.body().secureElementId(),
                        event.body().keyPurpose(),
                        passed.certificatePem())
                : new KeyInjectionRejected(verdict.code(), verdict.message(), fingerprint);
        publish(event, serial, event.plant(), event.line(), outcome);
        return verdict;
    }

    private static KeyInjectionVerdict rejected(
            KeyInjectionRejected.Code code, String reason, @org.jspecify.annotations.Nullable String fingerprint) {
        return new KeyInjectionVerdict(KeyInjectionVerdict.Verdict.REJECTED, code, reason, fingerprint);
    }

    private void publish(
            EventEnvelope<KeyInjectionReported> cause,
            Serial serial,
            String plant,
            String line,
            ProvisioningEvent event) {
        outbox.append(
                Topics.PROVISIONING_EVENTS,
                ProvisioningEvent.CODEC,
                new EventEnvelope<>(
                        EventIds.next(),
                        ProvisioningEvent.SCHEMA_VERSION,
                        clock.instant(),
                        plant,
                        line,
                        serial.equals(cause.serial()) ? cause.station() : null,
                        serial,
                        cause.actor(),
                        event));
    }
}
