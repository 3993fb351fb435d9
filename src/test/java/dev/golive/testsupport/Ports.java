package dev.golive.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the servers the tests start, and for addresses where nothing listens. A port is picked
 * well before its server binds it (a Tomcat started through golive over SSH binds it seconds later),
 * so a port from the kernel ({@code new ServerSocket(0)}) could meanwhile go to any other socket
 * that asks the kernel for one, in this JVM or another process. These ports lie outside the
 * kernel's ephemeral range, where it never hands one out on its own, were free on the given
 * addresses when picked, and are handed out once per test run: a server of an earlier test that
 * is still dying cannot hold one a later test was given.
 */
public final class Ports {
    private static final Path EPHEMERAL = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 10_000;
    private static final int SPAN = 12_000;
    private static final int ATTEMPTS = 1_000;
    private static final Set<Integer> GIVEN = new HashSet<>();
    private static final int[] RANGE = readRange();

    private Ports() {}

    /** A free port on 127.0.0.1, or on each of {@code addresses} when given. */
    public static synchronized int free(String... addresses) {
        List<String> on = addresses.length == 0 ? List.of("127.0.0.1") : List.of(addresses);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(RANGE[0], RANGE[1]);
            if (GIVEN.add(port) && freeOn(port, on)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port on " + on + " in " + RANGE[0] + "-" + (RANGE[1] - 1));
    }

    /** A port where nothing listens on 127.0.0.1: a connection to it is refused. */
    public static int closed() {
        return free();
    }

    /** From {@code [0]} up to, not including, {@code [1]}: below the ephemeral range, else above it. */
    static int[] range() {
        return RANGE.clone();
    }

    private static int[] readRange() {
        int low = 32_768;
        int high = 60_999;
        try {
            String[] bounds = Files.readString(EPHEMERAL).strip().split("\\s+");
            low = Integer.parseInt(bounds[0]);
            high = Integer.parseInt(bounds[1]);
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the kernel's default range
        }
        if (low - LOWEST >= SPAN) {
            return new int[] {low - SPAN, low};
        }
        return new int[] {high + 1, 65_536};
    }

    private static boolean freeOn(int port, List<String> addresses) {
        for (String address : addresses) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(address))) {
                // bound: free here
            } catch (BindException e) {
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot try port " + port + " on " + address, e);
            }
        }
        return true;
    }
}
