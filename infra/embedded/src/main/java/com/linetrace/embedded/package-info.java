/** Real servers started in-process: PostgreSQL from zonky's binaries and a single-node KRaft Kafka broker. */
@NullMarked
package com.linetrace.embedded;

import org.jspecify.annotations.NullMarked;
