package com.linetrace.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's loopback port, chosen free at first start and kept in a file, so that clients configured with it (a
 * connection pool, a Kafka controller quorum) find the server again after it restarts.
 */
final class KeptPort {

    private static final Logger log = LoggerFactory.getLogger(KeptPort.class);

    private KeptPort() {}

    /** The port kept in {@code <directory>.port} beside a server directory. */
    static int beside(Path directory) throws IOException {
        return in(directory.resolveSibling(directory.getFileName() + ".port"))[0];
    }

    /**
     * The ports kept in {@code files}, one each, all different: ports chosen anew are taken while every other new
     * one is still held, so two of them can never be the same.
     */
    static int[] in(Path... files) throws IOException {
        return in(KeptPort::anyFree, files);
    }

    /**
     * As {@link #in(Path...)}, but new ports are chosen below the ephemeral range (32768 and up on Linux), from which
     * outgoing connections take their local ports: a port chosen there is free only until the server binds it, and
     * another node's connection attempt can take it first (a Kafka node of a cluster run once failed so, with
     * "Address already in use" on its controller port).
     */
    static int[] belowEphemeralRange(Path... files) throws IOException {
        return in(KeptPort::belowEphemeral, files);
    }

    @FunctionalInterface
    private interface Chooser {
        ServerSocket bind() throws IOException;
    }

    private static ServerSocket anyFree() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    private static ServerSocket belowEphemeral() throws IOException {
        var random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            try {
                return new ServerSocket(LOWEST + random.nextInt(BELOW - LOWEST), 1, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                // Taken: try another.
            }
        }
        throw new IOException("No free loopback port between " + LOWEST + " and " + BELOW);
    }

    private static final int LOWEST = 20_000;
    private static final int BELOW = 32_768;

    private static int[] in(Chooser chooser, Path... files) throws IOException {
        var ports = new int[files.length];
        var held = new ArrayList<ServerSocket>();
        try {
            for (int i = 0; i < files.length; i++) {
                var kept = kept(files[i]);
                if (kept > 0 && isFree(kept) && !contains(ports, kept)) {
                    ports[i] = kept;
                    continue;
                }
                if (kept > 0) {
                    log.warn("Port {} kept in {} is taken by another process: choosing another", kept, files[i]);
                }
                var socket = chooser.bind();
                held.add(socket);
                ports[i] = socket.getLocalPort();
                Files.writeString(files[i], ports[i] + "\n", StandardCharsets.UTF_8);
            }
        } finally {
            for (var socket : held) {
                socket.close();
            }
        }
        return ports;
    }

    private static int kept(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            return Integer.parseInt(
                    Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (NumberFormatException e) {
            log.warn("{} does not hold a port number: choosing a port", file);
            return 0;
        }
    }

    private static boolean contains(int[] ports, int port) {
        for (int p : ports) {
            if (p == port) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFree(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
