package com.linetrace.tracking.route;

/** A line of an operation's bill of materials: a part number, how many, and whether each has its own serial. */
public record Part(String partNumber, String description, int quantity, boolean serialized) {}
