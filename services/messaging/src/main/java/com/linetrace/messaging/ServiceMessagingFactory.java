package com.linetrace.messaging;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Makes each service's {@link ServiceMessaging} from its schema name, with the plumbing every service shares (the
 * data source, transactions, the idempotent producer, {@link MessagingSettings}); a bean of
 * {@link MessagingAutoConfiguration}. A service declares its messaging as one bean:
 *
 * <pre>{@code
 * @Bean
 * ServiceMessaging provisioningMessaging(ServiceMessagingFactory messaging) {
 *     return messaging.schema("provisioning").withOutbox().withInbox().declaring(Topics.PROVISIONING_EVENTS).build();
 * }
 * }</pre>
 */
public final class ServiceMessagingFactory {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final KafkaOperations<String, byte[]> kafka;
    private final MessagingSettings settings;
    private final ResourceLoader resources;

    ServiceMessagingFactory(
            DataSource dataSource,
            JdbcClient jdbc,
            TransactionOperations transactions,
            KafkaOperations<String, byte[]> kafka,
            MessagingSettings settings,
            ResourceLoader resources) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.settings = settings;
        this.resources = resources;
    }

    /**
     * Begins the messaging of the service owning {@code schema}, migrated with
     * {@code db/changelog/<schema>/changelog.yaml} (which includes the messaging changelogs for its outbox and inbox).
     */
    public Declaration schema(String schema) {
        return new Declaration(schema);
    }

    /** What a service's messaging holds; {@link #build()} migrates the schema and makes it. */
    public final class Declaration {

        private final String schema;
        private boolean outbox;
        private boolean inbox;
        private final List<String> topics = new ArrayList<>();

        private Declaration(String schema) {
            this.schema = schema;
        }

        /** An outbox and the relay that publishes it. */
        public Declaration withOutbox() {
            outbox = true;
            return this;
        }

        /** An inbox, for the service's idempotent consumers. */
        public Declaration withInbox() {
            inbox = true;
            return this;
        }

        /**
         * Topics the service makes sure exist, each with its dead-letter topic
         * ({@link MessagingAutoConfiguration#topicWithDeadLetter}): those it writes, and those it consumes and
         * dead-letters when no other service of the process may declare them.
         */
        public Declaration declaring(String... topics) {
            this.topics.addAll(List.of(topics));
            return this;
        }

        /** Migrates the schema, then makes the service's messaging; its relay starts with the application. */
        public ServiceMessaging build() {
            var liquibase = ServiceSchema.liquibase(dataSource, schema);
            liquibase.setResourceLoader(resources);
            try {
                liquibase.afterPropertiesSet();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Could not migrate schema " + schema, e);
            }
            var relay = outbox ? new OutboxRelay(schema, jdbc, transactions, kafka, settings) : null;
            return new ServiceMessaging(
                    schema,
                    relay,
                    relay == null ? null : new Outbox(jdbc, schema, relay),
                    inbox ? new Inbox(jdbc, schema) : null,
                    topics);
        }
    }
}
