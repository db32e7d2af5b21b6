package com.linetrace.ui.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitHeld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class UnitEventBroadcasterTests {

    private final UnitEventBroadcaster broadcaster = new UnitEventBroadcaster();

    @AfterEach
    void stop() {
        broadcaster.destroy();
    }

    private static EventEnvelope<UnitEvent> event(String reason) {
        return new EventEnvelope<>(
                UUID.randomUUID(),
                1,
                Instant.now(),
                "PLANT",
                "L1",
                "ASM-1",
                Serial.issue("LTRC", 1, 9),
                "op1",
                new UnitHeld(reason));
    }

    @Test
    void deliversEachEventToEverySubscriberInOrder() {
        var first = new CopyOnWriteArrayList<String>();
        var second = new CopyOnWriteArrayList<String>();
        broadcaster.subscribe(e -> first.add(((UnitHeld) e.body()).reason()));
        broadcaster.subscribe(e -> second.add(((UnitHeld) e.body()).reason()));

        broadcaster.publish(event("a"));
        broadcaster.publish(event("b"));

        await().atMost(Duration.ofSeconds(5)).until(() -> first.size() == 2 && second.size() == 2);
        assertThat(first).containsExactly("a", "b");
        assertThat(second).containsExactly("a", "b");
    }

    @Test
    void deliversToEachViewAsTheUserWhoOpenedIt() {
        var seenBy = new CopyOnWriteArrayList<String>();
        for (var user : List.of("quality", "operator")) {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new TestingAuthenticationToken(user, "", "ROLE_" + user.toUpperCase()));
            SecurityContextHolder.setContext(context);
            broadcaster.subscribe(e -> seenBy.add(
                    SecurityContextHolder.getContext().getAuthentication().getName()));
        }
        SecurityContextHolder.clearContext();

        broadcaster.publish(event("a"));

        await().atMost(Duration.ofSeconds(5)).until(() -> seenBy.size() == 2);
        assertThat(seenBy).containsExactly("quality", "operator");
    }

    @Test
    void keepsDeliveringToOthersWhenOneViewFails() {
        var received = new CopyOnWriteArrayList<String>();
        broadcaster.subscribe(e -> {
            throw new IllegalStateException("view gone");
        });
        broadcaster.subscribe(e -> received.add(((UnitHeld) e.body()).reason()));

        broadcaster.publish(event("a"));

        await().atMost(Duration.ofSeconds(5)).until(() -> received.equals(List.of("a")));
    }

    @Test
    void stopsDeliveringToARemovedSubscription() {
        var received = new CopyOnWriteArrayList<String>();
        var registration = broadcaster.subscribe(e -> received.add("removed"));
        var witness = new CopyOnWriteArrayList<String>();
        broadcaster.subscribe(e -> witness.add("kept"));

        registration.remove();
        broadcaster.publish(event("a"));

        await().atMost(Duration.ofSeconds(5)).until(() -> witness.size() == 1);
        assertThat(received).isEmpty();
        assertThat(broadcaster.subscribers()).isEqualTo(1);
    }

    @Test
    @Timeout(5)
    void neverBlocksTheKafkaThreadOnAStuckView() throws InterruptedException {
        var release = new CountDownLatch(1);
        broadcaster.subscribe(e -> {
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });

        for (int i = 0; i < 100; i++) {
            broadcaster.publish(event("e" + i));
        }

        release.countDown();
    }
}
