package dev.golive.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code environments:} with their hosts and services. */
final class EnvironmentReader {
    private static final List<String> COMMON = List.of("kind", "on", "survivable", "http", "health", "deploy");

    private EnvironmentReader() {}

    static Environment read(String name, Fields f) {
        String promoteFrom = f.string("promoteFrom");
        String entry = f.string("entry");
        boolean insecure = f.bool("insecure", false);
        Promotion promoteAfter = f.has("promoteAfter") ? promotion(f.fields("promoteAfter")) : null;
        Map<String, Host> hosts = Named.read(f, "hosts", EnvironmentReader::host);
        Map<String, Service> services = Named.read(f, "services", EnvironmentReader::service);
        List<String> generators = f.strings("generators");
        for (String g : generators) {
            if (!hosts.containsKey(g)) {
                f.reading()
                        .problem(
                                f.location("generators"),
                                f.path("generators"),
                                "generator '" + g + "' is not a host of environment " + name + hint(g, hosts.keySet())
                                        + "; its hosts are " + hosts.keySet());
            }
        }
        f.finish();
        return new Environment(
                name, promoteFrom, hosts, services, entry, insecure, promoteAfter, generators, f.location());
    }

    private static String hint(String wrong, java.util.Collection<String> valid) {
        String close = Suggest.closest(wrong, valid);
        return close == null ? "" : " (did you mean '" + close + "'?)";
    }

    private static Promotion promotion(Fields f) {
        Promotion p = new Promotion(f.string("smoke"), f.string("loadtest"), f.location());
        f.finish();
        return p;
    }

    private static Deployment deployment(Fields f) {
        Deployment d = new Deployment(
                f.string("context"),
                f.string("path"),
                f.string("staging"),
                f.string("drain"),
                f.string("undrain"),
                f.string("smoke"),
                f.duration("timeout", null),
                f.location());
        f.finish();
        return d;
    }

    private static final java.util.regex.Pattern LOOPBACK =
            java.util.regex.Pattern.compile("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){2}");

    static Host host(String name, Fields f) {
        String address = f.required("address", "a host name, an IP address, or 'local'");
        int port = f.integer("port", 22, 1, 65535);
        String loopback = f.string("loopback");
        if (loopback != null
                && !(Host.LOCAL.equals(address) && LOOPBACK.matcher(loopback).matches())) {
            f.reading()
                    .problem(
                            f.location("loopback"),
                            f.path("loopback"),
                            Host.LOCAL.equals(address)
                                    ? "bad loopback address '" + loopback + "': expected one of 127.0.0.1 to"
                                            + " 127.255.255.254, like 127.0.0.2"
                                    : "loopback applies to a host with address: local");
            loopback = null;
        }
        Host host = new Host(
                name,
                address == null ? Host.LOCAL : address,
                port,
                f.string("user"),
                f.string("key"),
                f.string("via"),
                f.string("sudo"),
                loopback,
                f.location());
        f.finish();
        return address == null ? null : host;
    }

    static Service service(String name, Fields f) {
        if (!f.has("kind")) {
            f.missing("kind", "one of " + ServiceKind.words());
            f.allow(allKeys());
            f.finish();
            return null;
        }
        String word = f.choice("kind", null, ServiceKind.words());
        if (word == null) {
            f.allow(allKeys());
            f.finish();
            return null;
        }
        ServiceKind kind = ServiceKind.of(word);
        List<String> on = f.strings("on");
        if (on.isEmpty() && kind.runsOnHosts()) {
            f.missing("on", "the hosts a " + word + " service runs on");
        }
        int survivable = f.integer("survivable", 0, 0, 1000);
        Integer http = f.integer("http", null, 1, 65535);
        String health = f.string("health");
        Map<String, String> settings = settings(f, kind);
        Deployment deploy = f.has("deploy") ? deployment(f.fields("deploy")) : null;
        f.finish();
        return new Service(name, kind, on, survivable, http, health, settings, deploy, f.location());
    }

    private static Map<String, String> settings(Fields f, ServiceKind kind) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : kind.settings()) {
            String value = kind.required().contains(key) ? f.required(key, null) : f.string(key);
            if (value != null) {
                settings.put(key, value);
            }
        }
        for (String key : f.keys()) {
            if (!COMMON.contains(key) && !kind.settings().contains(key) && isSettingOfAnotherKind(key)) {
                f.reported(key);
                f.reading()
                        .problem(
                                f.keyLocation(key),
                                f.path(),
                                "key '" + key + "' does not apply to a " + kind.word() + " service, which takes "
                                        + kind.settings());
            }
        }
        return settings;
    }

    private static boolean isSettingOfAnotherKind(String key) {
        for (ServiceKind k : ServiceKind.values()) {
            if (k.settings().contains(key)) {
                return true;
            }
        }
        return false;
    }

    private static String[] allKeys() {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(COMMON);
        for (ServiceKind k : ServiceKind.values()) {
            keys.addAll(k.settings());
        }
        return keys.toArray(String[]::new);
    }
}
