package com.linetrace.messaging;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * One service's messaging, declared once as a bean from its schema name ({@link ServiceMessagingFactory}): the schema
 * migrated with the service's changelog before anything uses it, and as the service needs them, its {@link Outbox}
 * with the {@link OutboxRelay} that publishes it (started and stopped with the application, measured by the plant's
 * outbox gauges), its {@link Inbox}, and the topics it declares, each with its dead-letter topic.
 */
public final class ServiceMessaging implements SmartLifecycle {

    private final String schema;
    private final @Nullable OutboxRelay relay;
    private final @Nullable Outbox outbox;
    private final @Nullable Inbox inbox;
    private final List<String> topics;

    ServiceMessaging(
            String schema,
            @Nullable OutboxRelay relay,
            @Nullable Outbox outbox,
            @Nullable Inbox inbox,
            List<String> topics) {
        this.schema = schema;
        this.relay = relay;
        this.outbox = outbox;
        this.inbox = inbox;
        this.topics = List.copyOf(topics);
    }

    /** The schema the service owns. */
    public String schema() {
        return schema;
    }

    /**
     * The service's outbox.
     *
     * @throws IllegalStateException when the service was declared without one
     */
    public Outbox outbox() {
        if (outbox == null) {
            throw new IllegalStateException("The messaging of " + schema + " was declared without an outbox");
        }
        return outbox;
    }

    /**
     * The service's inbox.
     *
     * @throws IllegalStateException when the service was declared without one
     */
    public Inbox inbox() {
        if (inbox == null) {
            throw new IllegalStateException("The messaging of " + schema + " was declared without an inbox");
        }
        return inbox;
    }

    /** The relay of the service's outbox, when it has one. */
    public Optional<OutboxRelay> relay() {
        return Optional.ofNullable(relay);
    }

    /** The topics the service declares (each with its dead-letter topic). */
    public List<String> topics() {
        return topics;
    }

    @Override
    public void start() {
        if (relay != null) {
            relay.start();
        }
    }

    @Override
    public void stop() {
        if (relay != null) {
            relay.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return relay != null && relay.isRunning();
    }
}
