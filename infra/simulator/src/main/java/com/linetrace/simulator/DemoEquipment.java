package com.linetrace.simulator;

import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo line's one flash fixture and key station ({@link Equipment}), shared by the simulator's own walks and the
 * {@link EquipmentAttendant}: its firmware releases are registered and approved once per run, by whichever needs the
 * equipment first.
 */
final class DemoEquipment {

    private static final Logger log = LoggerFactory.getLogger(DemoEquipment.class);

    private final DemoProvisioningKeys keys;
    private final SimulatorSettings settings;
    private @Nullable Equipment equipment;

    DemoEquipment(DemoProvisioningKeys keys, SimulatorSettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    /**
     * The equipment, set up on first use by registering the releases at the plant at {@code base}; empty while the
     * plant does not take them yet (it may still be starting), so that the next use tries again.
     */
    synchronized Optional<Equipment> get(URI base) {
        if (equipment == null) {
            try (var engineer = new PlantClient(base, settings.engineer(), settings.engineerPassword());
                    var quality = new PlantClient(base, settings.quality(), settings.qualityPassword())) {
                equipment = Equipment.setUp(keys, engineer, quality, settings.qualityPassword());
                log.info(
                        "Demo equipment: registered and approved a signed release of each of {} for {}, and revoked an"
                                + " older one",
                        DemoLine.FIRMWARE_MODULES,
                        DemoLine.MODEL);
            } catch (RuntimeException e) {
                log.warn("Demo equipment: could not register the demo firmware releases yet: {}", e.getMessage());
            }
        }
        return Optional.ofNullable(equipment);
    }
}
