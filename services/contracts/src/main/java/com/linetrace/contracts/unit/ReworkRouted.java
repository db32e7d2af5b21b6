package com.linetrace.contracts.unit;

/** The unit failed an operation and must pass REPAIR before it is tried again; {@code failures} so far. */
public record ReworkRouted(int failedOperation, int failures) implements UnitEvent {}
