package com.linetrace.plant.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.provisioning.api.FirmwareReleaseCatalog;
import com.linetrace.provisioning.api.ProvisioningProblem;
import com.linetrace.provisioning.api.ReleaseDecision;
import com.linetrace.provisioning.api.ReleaseRegistration;
import com.linetrace.provisioning.api.UnitFlashes;
import com.linetrace.provisioning.api.UnitKeyInjections;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/**
 * What provisioning's apis promise, whichever binding answers: {@link FirmwareReleaseCatalog} refuses an unknown
 * release and a registration whose signature does not verify with the api's problems; {@link UnitFlashes} and
 * {@link UnitKeyInjections} answer a unit's records (none for a unit never flashed) to the roles that may read them.
 */
abstract class ProvisioningContract {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    abstract FirmwareReleaseCatalog releases();

    abstract UnitFlashes flashes();

    abstract UnitKeyInjections keyInjections();

    @BeforeEach
    void signIn() {
        TestTokens.signIn("quality", Roles.QUALITY);
    }

    @AfterEach
    void signOut() {
        TestTokens.signOut();
    }

    @Test
    void refusesAReleaseThatDoesNotExist() {
        var none = UUID.randomUUID();

        assertThatThrownBy(() -> releases().release(none))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(ProvisioningProblem.RELEASE_NOT_FOUND))
                .hasMessageContaining(none.toString());
        assertThatThrownBy(() -> releases().approveRelease(none, new ReleaseDecision("tested on the bench", null)))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(ProvisioningProblem.RELEASE_NOT_FOUND));
    }

    @Test
    void refusesARegistrationWhoseSignatureNoTrustedKeyMade() {
        TestTokens.signIn("engineer", Roles.ENGINEER);
        var registration = registration(Base64.getEncoder().encodeToString(new byte[64]));

        assertThatThrownBy(() -> releases().registerRelease(registration))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(ProvisioningProblem.RELEASE_SIGNATURE_INVALID));
        assertThat(releases().releases(null)).noneMatch(r -> r.version().equals(registration.version()));
    }

    @Test
    void refusesASignatureThatIsNotBase64() {
        TestTokens.signIn("engineer", Roles.ENGINEER);

        assertThatThrownBy(() -> releases().registerRelease(registration("not base64!")))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(ProvisioningProblem.INVALID_REQUEST))
                .hasMessage("signature must be base64");
    }

    @Test
    void answersNoRecordsForAUnitNeverFlashedOrKeyed() {
        var serial = Serial.issue("CNTR", SEQUENCE.incrementAndGet(), 9);

        assertThat(flashes().flashes(serial)).isEmpty();
        assertThat(keyInjections().keyInjections(serial)).isEmpty();
    }

    @Test
    void refusesAnOperatorTheReleasesAndAUnitsRecords() {
        TestTokens.signIn("operator", Roles.OPERATOR);
        var serial = Serial.issue("CNTR", SEQUENCE.incrementAndGet(), 9);

        assertThatThrownBy(() -> releases().releases(null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> flashes().flashes(serial)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> keyInjections().keyInjections(serial)).isInstanceOf(AccessDeniedException.class);
    }

    private static ReleaseRegistration registration(String signature) {
        var n = SEQUENCE.incrementAndGet();
        var sha256 = HexFormat.of()
                .formatHex(java.nio.ByteBuffer.allocate(32).putLong(n).array());
        return new ReleaseRegistration("LT-QUAD-X4", "FLIGHT_CONTROLLER", "9." + n + ".0", sha256, 1024, signature);
    }
}
