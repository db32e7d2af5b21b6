package com.linetrace.contracts.unit;

/** The unit was scrapped: final, it is refused everywhere from now on (IPC-CFX UnitsDisqualified in spirit). */
public record UnitScrapped(String reason) implements UnitEvent {}
