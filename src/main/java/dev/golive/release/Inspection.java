package dev.golive.release;

import dev.golive.plan.Environment;
import dev.golive.plan.Instance;
import dev.golive.target.Command;
import dev.golive.target.Hosts;
import dev.golive.target.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What runs where, told by the hosts themselves: the installed files of each instance are hashed
 * on its host with {@code sha256sum} and compared with the ledger, so a file changed by hand shows
 * as drift, and an interrupted deploy shows what it left behind.
 */
public final class Inspection {
    private static final Duration QUICK = Duration.ofSeconds(60);

    private final Environment environment;
    private final Hosts hosts;
    private final Releases releases;
    private final Ledger ledger;

    public Inspection(Environment environment, Hosts hosts, Releases releases, Ledger ledger) {
        this.environment = environment;
        this.hosts = hosts;
        this.releases = releases;
        this.ledger = ledger;
    }

    /** Every instance golive deploys to in the environment, or has deployed to. */
    public List<InstanceState> inspect() {
        Map<String, LedgerEntry> latest = ledger.latest(environment.name());
        Map<String, LedgerEntry> current = ledger.current(environment.name());
        Set<String> ids = new LinkedHashSet<>();
        try {
            Targets.instances(environment, null).forEach(i -> ids.add(i.id()));
        } catch (ReleaseException e) {
            // nothing declared: the ledger's instances are all there is to show
        }
        ids.addAll(latest.keySet());
        List<InstanceState> out = new ArrayList<>();
        for (String id : ids) {
            out.add(one(id, latest.get(id), current.get(id)));
        }
        return out;
    }

    private InstanceState one(String id, LedgerEntry latest, LedgerEntry current) {
        if (latest == null) {
            return new InstanceState(id, InstanceState.NONE, null, null, "golive never deployed to it");
        }
        Instance instance = Targets.instance(environment, id);
        Release expected = current == null ? null : releases.get(current.version());
        Release attempted = releases.get(latest.version());
        Map<String, String> onHost;
        try {
            onHost = hashes(instance, expected == null ? attempted : expected);
        } catch (RuntimeException e) {
            return new InstanceState(id, InstanceState.UNKNOWN, null, version(expected), e.getMessage());
        }
        String found = which(onHost, expected, attempted);
        if (latest.open()) {
            return new InstanceState(
                    id,
                    InstanceState.INTERRUPTED,
                    found,
                    version(expected),
                    latest.action() + " " + latest.runId() + " of " + latest.version() + " stopped while working on"
                            + " it (or still runs); the host has " + describe(found, onHost)
                            + "; finish it with golive deploy --resume --env " + environment.name());
        }
        if (expected == null) {
            return new InstanceState(
                    id, InstanceState.FAILED, found, null, "no deploy ended well on it; the last: " + latest.detail());
        }
        if (onHost.equals(expected.digests())) {
            return new InstanceState(
                    id,
                    InstanceState.OK,
                    expected.version(),
                    expected.version(),
                    "the host has the bytes of " + expected.version() + ", deployed by " + current.actor() + " at "
                            + current.endedAt());
        }
        return new InstanceState(id, InstanceState.DRIFT, found, expected.version(), drift(onHost, expected));
    }

    /** The SHA-256 of each artifact as installed on the host, by name; "missing" for files not there. */
    private Map<String, String> hashes(Instance instance, Release release) {
        Installation installation = Installation.of(instance, release);
        Result r = hosts.target(instance.host())
                .run(Command.of(installation.hashInstalled()).withTimeout(QUICK));
        if (!r.ok()) {
            throw new IllegalStateException("hashing the installed files failed: " + r.summary());
        }
        Map<String, String> byPath = InstanceDeploy.hashes(r.stdout());
        Map<String, String> out = new LinkedHashMap<>();
        for (Placement p : installation.placements()) {
            out.put(p.artifact().name(), byPath.getOrDefault(p.target(), "missing"));
        }
        return out;
    }

    private String which(Map<String, String> onHost, Release expected, Release attempted) {
        if (expected != null && onHost.equals(expected.digests())) {
            return expected.version();
        }
        if (onHost.equals(attempted.digests())) {
            return attempted.version();
        }
        Set<String> common = null;
        for (Map.Entry<String, String> e : onHost.entrySet()) {
            Set<String> with = new LinkedHashSet<>(releases.versionsWith(e.getKey(), e.getValue()));
            if (common == null) {
                common = with;
            } else {
                common.retainAll(with);
            }
        }
        return common == null || common.isEmpty() ? null : common.iterator().next();
    }

    private static String drift(Map<String, String> onHost, Release expected) {
        List<String> parts = new ArrayList<>();
        expected.digests().forEach((name, sha) -> {
            String actual = onHost.get(name);
            if (!sha.equals(actual)) {
                String what = "missing".equals(actual) ? "is missing" : "has SHA-256 " + actual.substring(0, 12);
                parts.add(name + " " + what + " on the host, the ledger says " + expected.version() + " ("
                        + sha.substring(0, 12) + ")");
            }
        });
        return String.join("; ", parts) + ": changed by hand? deploy a release again to set it right";
    }

    private static String describe(String found, Map<String, String> onHost) {
        if (found != null) {
            return "the bytes of " + found;
        }
        return "bytes of no release " + onHost;
    }

    private static String version(Release r) {
        return r == null ? null : r.version();
    }
}
