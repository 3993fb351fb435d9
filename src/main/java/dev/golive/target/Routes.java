package dev.golive.target;

import dev.golive.plan.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.config.hosts.HostConfigEntry;

/**
 * Turns a plan {@link Host} into an {@link Endpoint}: what the plan says wins, then {@code
 * ~/.ssh/config} (HostName, User, Port, IdentityFile, ProxyJump), then the defaults.
 */
final class Routes {
    private static final int SSH_PORT = 22;

    private final SshSettings settings;
    private final Map<String, Host> hosts;
    private List<HostConfigEntry> config;

    Routes(SshSettings settings, Map<String, Host> hosts) {
        this.settings = settings;
        // Kept in plan order: messages list the hosts as the plan does.
        this.hosts = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
    }

    synchronized Endpoint resolve(Host host) {
        return resolve(host, new ArrayList<>());
    }

    private Endpoint resolve(Host host, List<String> chain) {
        if (chain.contains(host.name())) {
            chain.add(host.name());
            throw new TargetException(host.name() + ": the jump hosts form a loop (" + String.join(" -> ", chain)
                    + "); fix via: in the plan");
        }
        chain.add(host.name());
        HostConfigEntry entry = lookup(host.address());
        String hostName = entry == null ? host.address() : entry.getHostName();
        // Host carries 22 when the plan gives no port, so only another number overrides ssh config.
        int port = host.port() != SSH_PORT || entry == null || entry.getPort() <= 0 ? host.port() : entry.getPort();
        String user = user(host.user(), host.address());
        List<Path> keys = new ArrayList<>();
        if (host.key() != null) {
            keys.add(path(host.key()));
        }
        keys.addAll(identities(host.address(), hostName, user));
        Endpoint via = host.via() != null ? resolve(jumpHost(host), chain) : proxyJumps(entry);
        return new Endpoint(host.name(), hostName, port, user, keys, via);
    }

    private Host jumpHost(Host host) {
        Host jump = hosts.get(host.via());
        if (jump == null) {
            throw new TargetException(host.name() + " (" + host.address() + "): its jump host '" + host.via()
                    + "' is not a host of this environment; known hosts: " + hosts.keySet());
        }
        return jump;
    }

    /** ProxyJump {@code [user@]host[:port],...}: each hop reached through the one before it. */
    private Endpoint proxyJumps(HostConfigEntry entry) {
        String jumps = entry == null ? null : entry.getProxyJump();
        if (jumps == null || jumps.isBlank() || jumps.equalsIgnoreCase("none")) {
            return null;
        }
        Endpoint via = null;
        for (String hop : jumps.split(",")) {
            via = hop(hop.strip(), via);
        }
        return via;
    }

    private Endpoint hop(String spec, Endpoint via) {
        int at = spec.lastIndexOf('@');
        String user = at < 0 ? null : spec.substring(0, at);
        String rest = spec.substring(at + 1);
        int colon = rest.lastIndexOf(':');
        boolean hasPort = colon > 0 && rest.indexOf(':') == colon;
        String name = hasPort ? rest.substring(0, colon) : rest;
        HostConfigEntry entry = lookup(name);
        int port = hasPort ? Integer.parseInt(rest.substring(colon + 1)) : entry == null ? SSH_PORT : entry.getPort();
        String hostName = entry == null ? name : entry.getHostName();
        String login = user(user, name);
        return new Endpoint(spec, hostName, port, login, identities(name, hostName, login), via);
    }

    private String user(String planUser, String alias) {
        if (planUser != null) {
            return planUser;
        }
        // MINA fills in the OS user when ssh config has none; only a User line counts here.
        for (HostConfigEntry candidate : HostConfigEntry.findMatchingEntries(alias, entries())) {
            if (candidate.getUsername() != null && !candidate.getUsername().isBlank()) {
                return lookup(alias).getUsername();
            }
        }
        return settings.localUser();
    }

    /**
     * The IdentityFile lines of every ssh config block matching {@code alias}, in file order, as
     * OpenSSH collects them. Read from the raw blocks: MINA would expand {@code ~} with the JVM's
     * home, not {@link SshSettings#home()}.
     */
    private List<Path> identities(String alias, String hostName, String user) {
        List<Path> found = new ArrayList<>();
        for (HostConfigEntry block : HostConfigEntry.findMatchingEntries(alias, entries())) {
            for (String file : block.getIdentities()) {
                found.add(path(expand(file, hostName, user)));
            }
        }
        return found;
    }

    private String expand(String file, String hostName, String user) {
        return file.replace("%%", "\u0000")
                .replace("%d", settings.home().toString())
                .replace("%u", settings.localUser())
                .replace("%h", hostName)
                .replace("%r", user)
                .replace("\u0000", "%");
    }

    private Path path(String file) {
        if (file.equals("~") || file.startsWith("~/")) {
            return settings.home().resolve(file.substring(Math.min(2, file.length())));
        }
        return settings.planDirectory().resolve(file);
    }

    private HostConfigEntry lookup(String alias) {
        try {
            // Port 0 and no user: ssh config's own values come back, not ours echoed.
            return HostConfigEntry.toHostConfigEntryResolver(entries())
                    .resolveEffectiveHost(alias, 0, null, null, null, null);
        } catch (IOException e) {
            throw new TargetException(
                    "reading " + settings.sshConfig() + " for " + alias + " failed: " + e.getMessage());
        }
    }

    private List<HostConfigEntry> entries() {
        if (config == null) {
            config = read(settings.sshConfig());
        }
        return config;
    }

    private static List<HostConfigEntry> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return HostConfigEntry.readHostConfigEntries(file);
        } catch (IOException | RuntimeException e) {
            throw new TargetException(
                    "reading " + file + " failed: " + e.getMessage() + "; fix the file or move it aside", e);
        }
    }
}
