package com.linetrace.embedded;

import java.nio.file.Path;

/**
 * What the plant does with its data directory, in a JVM of its own that a test can kill with -9: takes the lock,
 * starts the durable servers, says where they are, and waits to be killed.
 */
public final class PlantStandIn {

    /** Held for the life of the process, as the plant holds it; a lock left to the garbage collector is let go. */
    private static DataDirectoryLock lock;

    private PlantStandIn() {}

    public static void main(String[] args) throws InterruptedException {
        var dataDir = Path.of(args[0]);
        lock = DataDirectoryLock.acquire(dataDir);
        var postgres = EmbeddedPostgresServer.durable(dataDir.resolve("postgres"));
        var kafka = EmbeddedKafkaServer.durable(dataDir.resolve("kafka"));
        System.out.println("READY " + postgres.jdbcUrl() + " " + kafka.bootstrapServers());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
