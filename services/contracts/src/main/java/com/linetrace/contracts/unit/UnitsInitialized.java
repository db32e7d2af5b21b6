package com.linetrace.contracts.unit;

/** A serial was issued to a unit of a work order, which will follow the given route version. */
public record UnitsInitialized(String workOrder, String model, int routeVersion) implements UnitEvent {}
