package com.linetrace.tracking.api;

/** A station as its terminal shows it. */
public record StationInfo(String id, String lineId, String kind, int flowOrder, String name) {}
