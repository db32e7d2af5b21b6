package com.linetrace.identity.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The audit actions identity sent, read from the topic as the audit ledger reads them. */
final class AuditActions {

    private AuditActions() {}

    /** Waits until {@code actor} has at least {@code count} actions on the topic; returns them oldest first. */
    static List<AuditActionEvent> of(String actor, int count) {
        var found = new ArrayList<AuditActionEvent>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var records = TopicProbe.readAll(Topics.AUDIT_ACTIONS).stream()
                    .filter(r -> actor.equals(r.key()))
                    .toList();
            assertThat(records).hasSizeGreaterThanOrEqualTo(count);
            found.clear();
            records.forEach(r -> found.add(AuditAction.CODEC.decode(r.value())));
        });
        found.sort(Comparator.comparing(AuditActionEvent::occurredAt));
        return found;
    }

    /** Every audit action on the topic, as the JSON the ledger receives. */
    static List<String> json() {
        return TopicProbe.readAll(Topics.AUDIT_ACTIONS).stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .toList();
    }
}
