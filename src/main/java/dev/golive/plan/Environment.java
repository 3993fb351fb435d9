package dev.golive.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A named set of hosts and services ({@code staging}, {@code production}, …).
 *
 * <p>Keys: {@code promoteFrom} (the environment a release must pass before this one), {@code
 * hosts}, {@code services}, {@code entry} (the URL where users come in, usually the load
 * balancer), {@code insecure} (scenario requests over TLS accept any certificate for any host
 * name, for the self-signed certificates of test environments; default false), {@code
 * promoteAfter} (what a release must have passed in {@code promoteFrom}, see {@link Promotion}),
 * {@code generators} (the hosts that may generate load for a distributed load test).
 *
 * @param name the environment's name
 * @param promoteFrom the previous environment in the promotion order, or null
 * @param hosts hosts by name
 * @param services services by name
 * @param entry the entry URL, or null
 * @param insecure whether scenario requests skip the verification of TLS certificates and host names
 * @param promoteAfter what a release must have passed in the previous environment
 * @param generators names of the hosts that may generate load
 * @param location where the environment is defined
 */
public record Environment(
        String name,
        String promoteFrom,
        Map<String, Host> hosts,
        Map<String, Service> services,
        String entry,
        boolean insecure,
        Promotion promoteAfter,
        List<String> generators,
        Location location) {
    public Environment {
        hosts = Maps.copy(hosts);
        services = Maps.copy(services);
        promoteAfter = promoteAfter == null ? Promotion.defaults() : promoteAfter;
        generators = List.copyOf(generators);
    }

    /** An environment with the default promotion rule and no load generators. */
    public Environment(
            String name,
            String promoteFrom,
            Map<String, Host> hosts,
            Map<String, Service> services,
            String entry,
            boolean insecure,
            Location location) {
        this(name, promoteFrom, hosts, services, entry, insecure, null, List.of(), location);
    }

    /** The same environment with users coming in at {@code url}: one instance's own address, say. */
    public Environment withEntry(String url) {
        return new Environment(name, promoteFrom, hosts, services, url, insecure, promoteAfter, generators, location);
    }

    /** Every service on every one of its hosts. Services without hosts have no instances. */
    public List<Instance> instances() {
        List<Instance> out = new ArrayList<>();
        for (Service s : services.values()) {
            for (String h : s.on()) {
                Host host = hosts.get(h);
                if (host != null) {
                    out.add(new Instance(s, host));
                }
            }
        }
        return out;
    }

    /** The instances of one service. */
    public List<Instance> instances(String service) {
        return instances().stream()
                .filter(i -> i.service().name().equals(service))
                .toList();
    }
}
