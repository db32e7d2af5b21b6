package com.linetrace.tracking.route;

/** A station of a line; it performs the operations of one kind. */
public record Station(String id, String lineId, String kind, int flowOrder, String name) {}
