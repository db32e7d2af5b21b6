package com.linetrace.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.provisioning.ProvisioningSettings.InvalidPlantCa;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

class PlantCaAtStartTests {

    private static final TestPki.Ca EXPIRED = TestPki.ca(
            "CN=Expired Plant CA",
            Instant.now().minus(Duration.ofDays(400)),
            Duration.ofDays(365),
            true,
            KeyUsage.keyCertSign | KeyUsage.cRLSign);

    @Test
    void refusesToStartWithAnExpiredPlantCaByDefault() {
        assertThatThrownBy(() -> plantCa(InvalidPlantCa.REFUSE_START))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Expired Plant CA")
                .hasMessageContaining("not now")
                .hasMessageContaining("invalid-plant-ca");
    }

    @Test
    void startsWithAnExpiredPlantCaOnlyWhenToldToRejectEveryKeyInjection() {
        var ca = plantCa(InvalidPlantCa.REJECT_KEY_INJECTIONS);
        assertThat(ca.problem(Instant.now())).isPresent();
    }

    @Test
    void startsWithAValidPlantCa() {
        var settings = new ProvisioningSettings(
                "CA1", List.of(), TestPki.PLANT_CA.certificatePem, InvalidPlantCa.REFUSE_START, List.of("P-256"), null);
        assertThat(new ProvisioningAutoConfiguration()
                        .plantCa(settings, new DefaultResourceLoader(), Clock.systemUTC())
                        .problem(Instant.now()))
                .isEmpty();
    }

    private static com.linetrace.provisioning.keyinjection.PlantCa plantCa(InvalidPlantCa mode) {
        var settings = new ProvisioningSettings("CA1", List.of(), EXPIRED.certificatePem, mode, List.of("P-256"), null);
        return new ProvisioningAutoConfiguration().plantCa(settings, new DefaultResourceLoader(), Clock.systemUTC());
    }
}
