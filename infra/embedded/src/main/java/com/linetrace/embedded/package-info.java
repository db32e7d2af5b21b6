/** Real servers started in-process: PostgreSQL from zonky's binaries and KRaft Kafka, a single node or one node of a cluster. */
@NullMarked
package com.linetrace.embedded;

import org.jspecify.annotations.NullMarked;
