package dev.golive.target;

import java.nio.file.Path;
import java.util.List;

/**
 * Where an SSH connection goes, with the plan and ssh config resolved: the address dialled, the
 * login, the keys to offer and the jump host in front, if any. Equal endpoints share a session.
 *
 * @param name the plan host's name, or the ProxyJump entry it came from
 * @param hostName the address dialled (and looked up in known_hosts)
 * @param port the SSH port
 * @param user the login user
 * @param keys private keys named for this host, tried before the default ones
 * @param via the jump host in front, or null
 */
record Endpoint(String name, String hostName, int port, String user, List<Path> keys, Endpoint via) {
    Endpoint {
        if (name == null || hostName == null || user == null) {
            throw new IllegalArgumentException("name, hostName and user are required");
        }
        keys = List.copyOf(keys);
    }

    /** {@code was2 (10.0.0.22:22)}: how messages name the host. */
    String label() {
        return name + " (" + address() + ")";
    }

    /** {@code 10.0.0.22:22}, IPv6 addresses in brackets. */
    String address() {
        return (hostName.contains(":") ? "[" + hostName + "]" : hostName) + ":" + port;
    }
}
