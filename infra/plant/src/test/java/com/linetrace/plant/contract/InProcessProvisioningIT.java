package com.linetrace.plant.contract;

import com.linetrace.provisioning.api.FirmwareReleaseCatalog;
import com.linetrace.provisioning.api.UnitFlashes;
import com.linetrace.provisioning.api.UnitKeyInjections;
import com.linetrace.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Provisioning's apis as the plant's UI calls them: provisioning's own beans, in the plant's JVM. */
@IntegrationTest
class InProcessProvisioningIT extends ProvisioningContract {

    @Autowired
    FirmwareReleaseCatalog releases;

    @Autowired
    UnitFlashes flashes;

    @Autowired
    UnitKeyInjections keyInjections;

    @Override
    FirmwareReleaseCatalog releases() {
        return releases;
    }

    @Override
    UnitFlashes flashes() {
        return flashes;
    }

    @Override
    UnitKeyInjections keyInjections() {
        return keyInjections;
    }
}
