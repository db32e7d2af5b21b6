package com.linetrace.contracts.equipment;

/** A drone module that carries its own firmware image. */
public enum FirmwareModule {
    FLIGHT_CONTROLLER,
    ESC,
    GIMBAL,
    REMOTE_LINK,
    BATTERY_MANAGEMENT
}
