package dev.golive.record;

import java.util.Set;

/** Why a recorded request is left out of the scenario, before origins are known. */
final class Drops {
    static final String NOT_HTTP = "not http";
    static final String NO_RESPONSE = "no response";
    static final String METHOD = "unsupported method";
    static final String PATTERN = "--drop";
    static final String STATIC = "static";
    static final String OTHER_ORIGIN = "other origin";

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD");

    private Drops() {}

    /** The reason, or null to keep it. */
    static String reason(HarEntry entry, ImportOptions options) {
        Url url = Url.parse(entry.request().url());
        if (url == null) {
            return NOT_HTTP;
        }
        if (entry.response().status() < 100) {
            return NO_RESPONSE;
        }
        if (!METHODS.contains(entry.request().method())) {
            return METHOD;
        }
        if (options.drop().stream()
                .anyMatch(p -> p.matcher(entry.request().url()).find())) {
            return PATTERN;
        }
        return !options.keepStatic() && StaticResources.is(entry, url) ? STATIC : null;
    }
}
