package com.linetrace.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
                var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
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
