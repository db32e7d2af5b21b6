package com.linetrace.trace.intake;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the read model from the topics at offset zero ({@code linetrace.trace.rebuild=true}): before the listeners
 * start, empties every read-model table and trace's inbox rows; then each listener seeks each partition it is first
 * assigned in this process to the beginning. The topics keep every record for good, so the model comes back whole.
 */
final class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    /** Every table the intake writes; the rebuild empties them all. */
    static final List<String> TABLES = List.of(
            "unit_event",
            "unit",
            "installed_part",
            "operation_visit",
            "unit_defect",
            "unit_hold",
            "module_firmware",
            "device_key",
            "provisioning_record");

    private final boolean requested;
    private final Set<TopicPartition> rewound = ConcurrentHashMap.newKeySet();

    ReadModelRebuild(boolean requested) {
        this.requested = requested;
    }

    /** Empties the read model and trace's inbox rows, when a rebuild was requested. */
    void clearIfRequested(JdbcClient jdbc, TransactionTemplate transactions, Collection<String> consumers) {
        if (!requested) {
            return;
        }
        log.warn("Rebuilding trace's read model: emptying it and reading its topics again from offset zero");
        transactions.executeWithoutResult(status -> {
            jdbc.sql("truncate "
                            + String.join(
                                    ", ", TABLES.stream().map(t -> "trace." + t).toList()))
                    .update();
            jdbc.sql("delete from trace.inbox where consumer in (:consumers)")
                    .param("consumers", consumers)
                    .update();
        });
    }

    /** Seeks the newly assigned partitions that were not rewound yet to their beginning, when rebuilding. */
    void onAssigned(Collection<TopicPartition> partitions, ConsumerSeekCallback callback) {
        if (!requested) {
            return;
        }
        var fresh = partitions.stream().filter(rewound::add).toList();
        if (!fresh.isEmpty()) {
            callback.seekToBeginning(fresh);
        }
    }
}
