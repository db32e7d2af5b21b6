package com.linetrace.contracts.unit;

/** The unit passed the last operation of its route: it is packed and can ship. */
public record UnitCompleted(String workOrder) implements UnitEvent {}
