package com.linetrace.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return in(directory.resolveSibling(directory.getFileName() + ".port"));
    }

    static int in(Path file) throws IOException {
        if (Files.exists(file)) {
            try {
                int port = Integer.parseInt(
                        Files.readString(file, StandardCharsets.UTF_8).strip());
                if (isFree(port)) {
                    return port;
                }
                log.warn("Port {} kept in {} is taken by another process: choosing another", port, file);
            } catch (NumberFormatException e) {
                log.warn("{} does not hold a port number: choosing a port", file);
            }
        }
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Files.writeString(file, port + "\n", StandardCharsets.UTF_8);
        return port;
    }

    private static boolean isFree(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
