package com.linetrace.plant.contract;

import com.linetrace.provisioning.api.FirmwareReleaseCatalog;
import com.linetrace.provisioning.api.ProvisioningProblem;
import com.linetrace.provisioning.api.UnitFlashes;
import com.linetrace.provisioning.api.UnitKeyInjections;
import org.junit.jupiter.api.BeforeAll;

/** Provisioning's apis as a UI apart calls them: the UI's HTTP clients, and provisioning on its own port. */
class HttpProvisioningIT extends ProvisioningContract {

    private static FirmwareReleaseCatalog releases;
    private static UnitFlashes flashes;
    private static UnitKeyInjections keyInjections;

    @BeforeAll
    static void startProvisioningApart() {
        releases = ServicesApart.client("provisioning", FirmwareReleaseCatalog.class, ProvisioningProblem.class);
        flashes = ServicesApart.client("provisioning", UnitFlashes.class, ProvisioningProblem.class);
        keyInjections = ServicesApart.client("provisioning", UnitKeyInjections.class, ProvisioningProblem.class);
    }

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
