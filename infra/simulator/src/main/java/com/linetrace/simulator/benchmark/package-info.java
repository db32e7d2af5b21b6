/**
 * The benchmark's load and measurement: units driven through the demo line as fast as workers can, check-ins at
 * a steady offered rate, and a raw Kafka and JDBC baseline on the same servers.
 */
@NullMarked
package com.linetrace.simulator.benchmark;

import org.jspecify.annotations.NullMarked;
