package com.linetrace.contracts.unit;

/** The unit was put on hold and is refused at every station until quality releases it. */
public record UnitHeld(String reason) implements UnitEvent {}
