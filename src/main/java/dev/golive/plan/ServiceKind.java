package dev.golive.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of service golive knows, with the settings each one takes besides the common keys
 * ({@code kind}, {@code on}, {@code survivable}, {@code health}, {@code http}).
 */
public enum ServiceKind {
    /** Apache Tomcat: {@code home} (CATALINA_HOME, required), {@code base} (CATALINA_BASE), {@code user}, {@code pidFile}, {@code logs}, {@code webapps}. */
    TOMCAT("home", "base", "user", "pidFile", "logs", "webapps"),
    /** A systemd unit: {@code unit} (required), {@code logs}. */
    SYSTEMD("unit", "logs"),
    /** A plain process: {@code start} (required), {@code stop}, {@code pidFile} or {@code pattern}, {@code user}, {@code logs}. */
    PROCESS("start", "stop", "pidFile", "pattern", "user", "logs"),
    /** Anything driven by its own scripts: {@code start}, {@code stop}, {@code status} (all required), {@code logs}. */
    COMMAND("start", "stop", "status", "logs"),
    /** A database: {@code url} (a JDBC URL, required), {@code user}, {@code password}. */
    JDBC("url", "user", "password"),
    /** An HTTP endpoint such as the load balancer: {@code url} (required). */
    HTTP("url");

    private final List<String> settings;

    ServiceKind(String... settings) {
        this.settings = List.of(settings);
    }

    /** The kind-specific keys this kind accepts. */
    public List<String> settings() {
        return settings;
    }

    /** The kind-specific keys that must be given. */
    public List<String> required() {
        return switch (this) {
            case TOMCAT -> List.of("home");
            case SYSTEMD -> List.of("unit");
            case PROCESS -> List.of("start");
            case COMMAND -> List.of("start", "stop", "status");
            case JDBC, HTTP -> List.of("url");
        };
    }

    /** True when the service runs on hosts golive reaches; jdbc and http are reached by address. */
    public boolean runsOnHosts() {
        return this != JDBC && this != HTTP;
    }

    /** The name used in plans: {@code tomcat}, {@code systemd}, … */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> words() {
        return Arrays.stream(values()).map(ServiceKind::word).toList();
    }

    static ServiceKind of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
