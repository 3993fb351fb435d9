package dev.golive.plan;

/**
 * A machine, reached locally or over SSH, possibly through a jump host.
 *
 * <p>Keys: {@code address} (required: a host name or IP address, or {@code local} to run commands
 * on this machine without SSH), {@code port} (SSH port, default 22), {@code user} (SSH user,
 * default: the current user or {@code ~/.ssh/config}), {@code key} (a private key file), {@code
 * via} (the name of a jump host in the same environment), {@code sudo} (run commands as this user
 * through sudo), {@code loopback} (a local host only: the loopback address its services listen on,
 * so that one machine can stand for several hosts in a rehearsal; default 127.0.0.1).
 *
 * @param name the host's name in the plan
 * @param address host name or address, or {@value #LOCAL}
 * @param port SSH port
 * @param user SSH user, or null
 * @param key private key file, or null
 * @param via jump host name, or null
 * @param sudo user to become through sudo, or null
 * @param loopback a local host's loopback address, or null for 127.0.0.1
 * @param location where the host is defined
 */
public record Host(
        String name,
        String address,
        int port,
        String user,
        String key,
        String via,
        String sudo,
        String loopback,
        Location location) {
    /** The address that means "this machine, without SSH". */
    public static final String LOCAL = "local";

    public Host {
        if (name == null || address == null) {
            throw new IllegalArgumentException("name and address are required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** A host without a loopback address of its own. */
    public Host(
            String name,
            String address,
            int port,
            String user,
            String key,
            String via,
            String sudo,
            Location location) {
        this(name, address, port, user, key, via, sudo, null, location);
    }

    /** Where its services are reached: its address, or a local host's loopback address. */
    public String serviceAddress() {
        return isLocal() ? (loopback == null ? "127.0.0.1" : loopback) : address;
    }

    public boolean isLocal() {
        return LOCAL.equals(address);
    }

    /** {@code user@address:port} for display. */
    public String target() {
        return (user == null ? "" : user + "@") + address + (port == 22 || isLocal() ? "" : ":" + port);
    }
}
