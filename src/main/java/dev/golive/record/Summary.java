package dev.golive.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import kept, dropped and replaced.
 *
 * @param file the recording
 * @param scenario the scenario's name
 * @param entry the URL relative steps are written against
 * @param entries the requests in the recording
 * @param kept the requests written as steps
 * @param followed the redirect hops made part of the step before them
 * @param dropped the requests left out, by reason
 * @param otherOrigins the hosts of requests left out as other origins
 * @param thinks the think times written
 * @param candidates the values responses gave and requests sent back
 * @param secrets the passwords written as secrets
 * @param warnings what a person should look at
 */
public record Summary(
        String file,
        String scenario,
        String entry,
        int entries,
        int kept,
        int followed,
        Map<String, Integer> dropped,
        List<String> otherOrigins,
        int thinks,
        List<Candidate> candidates,
        List<String> secrets,
        List<String> warnings) {
    public Summary {
        dropped = Collections.unmodifiableMap(new LinkedHashMap<>(dropped));
        otherOrigins = List.copyOf(otherOrigins);
        candidates = List.copyOf(candidates);
        secrets = List.copyOf(secrets);
        warnings = List.copyOf(warnings);
    }

    public int droppedCount() {
        return dropped.values().stream().mapToInt(Integer::intValue).sum();
    }
}
