package com.linetrace.contracts.unit;

/** Quality released the unit from hold. */
public record UnitReleased(String reason) implements UnitEvent {}
