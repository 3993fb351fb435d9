package dev.golive.target;

import dev.golive.plan.Host;
import dev.golive.plan.Location;
import java.nio.file.Path;

/** Plan hosts for tests. */
final class TestHosts {
    private static final Location HERE = new Location(Path.of("golive.yaml"), 1, 1);

    private TestHosts() {}

    static Host local(String name) {
        return new Host(name, Host.LOCAL, 22, null, null, null, null, HERE);
    }

    static Host ssh(String name, int port, Path key) {
        return new Host(name, "127.0.0.1", port, null, key == null ? null : key.toString(), null, null, HERE);
    }

    static Host via(Host host, String jump) {
        return new Host(host.name(), host.address(), host.port(), host.user(), host.key(), jump, host.sudo(), HERE);
    }

    static Host sudo(Host host, String user) {
        return new Host(host.name(), host.address(), host.port(), host.user(), host.key(), host.via(), user, HERE);
    }

    static Host at(String name, String address, int port) {
        return new Host(name, address, port, null, null, null, null, HERE);
    }
}
