/**
 * The bulk load: a plant's months of unit and provisioning events, made from a seed and written straight to Kafka
 * as tracking and provisioning write them, for trace's scale benchmark.
 */
@NullMarked
package com.linetrace.bulkload;

import org.jspecify.annotations.NullMarked;
