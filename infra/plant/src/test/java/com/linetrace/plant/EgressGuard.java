package com.linetrace.plant;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.URI;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordingStream;
import org.jspecify.annotations.Nullable;

/**
 * Watches the whole test JVM for traffic that would leave the machine: every name lookup (the JVM's resolver is
 * replaced through {@link Resolver}, registered in {@code META-INF/services}), every connection made through
 * {@code java.net.Socket}, {@code URLConnection} or {@code HttpClient} (they ask the default {@link ProxySelector}
 * first, which {@link #install()} wraps) and every socket read or write of any kind (JFR's socket events). What
 * it records is whatever did not stay on loopback, a local interface or a name of this machine.
 */
final class EgressGuard {

    private static final ConcurrentLinkedQueue<String> OUTSIDE = new ConcurrentLinkedQueue<>();
    private static final Set<String> OWN_NAMES = ownNames();
    private static @Nullable RecordingStream sockets;
    private static @Nullable ProxySelector previous;

    private EgressGuard() {}

    /** Starts watching connections (lookups are watched from the JVM's first one) and forgets what was seen. */
    static synchronized void install() {
        OUTSIDE.clear();
        if (sockets != null) {
            return;
        }
        var before = ProxySelector.getDefault();
        previous = before;
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                var host = uri.getHost() != null ? uri.getHost() : uri.getAuthority();
                if (host != null && !local(host)) {
                    OUTSIDE.add("connect " + uri);
                }
                return before != null ? before.select(uri) : List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                if (before != null) {
                    before.connectFailed(uri, address, e);
                }
            }
        });
        var stream = new RecordingStream();
        for (var event : List.of("jdk.SocketRead", "jdk.SocketWrite")) {
            stream.enable(event).withThreshold(Duration.ZERO).withoutStackTrace();
            stream.onEvent(event, e -> {
                var address = e.getString("address");
                if (address != null && !address.isEmpty() && !local(address)) {
                    OUTSIDE.add(e.getEventType().getName() + " " + e.getString("host") + "/" + address + ":"
                            + e.getInt("port"));
                }
            });
        }
        stream.startAsync();
        sockets = stream;
    }

    /** Stops watching connections (recording every socket read and write costs the tests that follow). */
    static synchronized void uninstall() {
        var stream = sockets;
        if (stream == null) {
            return;
        }
        stream.close();
        sockets = null;
        ProxySelector.setDefault(previous);
    }

    /** What left, or tried to leave, the machine since {@link #install()}. */
    static List<String> outside() {
        return List.copyOf(OUTSIDE);
    }

    static boolean local(String host) {
        var name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        name = name.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost") || OWN_NAMES.contains(name)) {
            return true;
        }
        try {
            var address = InetAddress.ofLiteral(name);
            return address.isLoopbackAddress()
                    || address.isAnyLocalAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (IllegalArgumentException notALiteral) {
            return false;
        } catch (SocketException e) {
            return false;
        }
    }

    private static Set<String> ownNames() {
        try {
            var hostname =
                    Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            return Stream.of(hostname, hostname.split("\\.")[0])
                    .map(n -> n.toLowerCase(Locale.ROOT))
                    .collect(java.util.stream.Collectors.toSet());
        } catch (IOException e) {
            var hostname = System.getenv("HOSTNAME");
            return hostname == null ? Set.of() : Set.of(hostname.toLowerCase(Locale.ROOT));
        }
    }

    /** The JVM's resolver, recording each lookup of a name or address that is not this machine's. */
    public static final class Resolver extends InetAddressResolverProvider {

        @Override
        public InetAddressResolver get(Configuration configuration) {
            var builtin = configuration.builtinResolver();
            return new InetAddressResolver() {
                @Override
                public Stream<InetAddress> lookupByName(String host, LookupPolicy policy)
                        throws java.net.UnknownHostException {
                    if (!local(host)) {
                        OUTSIDE.add("lookup " + host);
                    }
                    return builtin.lookupByName(host, policy);
                }

                @Override
                public String lookupByAddress(byte[] address) throws java.net.UnknownHostException {
                    var literal = InetAddress.getByAddress(address).getHostAddress();
                    if (!local(literal)) {
                        OUTSIDE.add("reverse lookup " + literal);
                    }
                    return builtin.lookupByAddress(address);
                }
            };
        }

        @Override
        public String name() {
            return "linetrace-egress-guard";
        }
    }
}
