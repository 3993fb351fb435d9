package dev.golive.target;

/** What to do with a host key that no known_hosts file lists. A changed key is always refused. */
public enum HostKeyPolicy {
    /** Refuse unknown keys, like OpenSSH's {@code StrictHostKeyChecking=yes}. */
    STRICT,
    /**
     * Accept an unknown key and write it to the plan's known_hosts, like OpenSSH's {@code
     * StrictHostKeyChecking=accept-new}.
     */
    ACCEPT_NEW
}
