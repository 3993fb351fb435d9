package dev.golive.release;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An immutable set of artifacts under a version: the bytes that are promoted from environment to
 * environment.
 *
 * @param version its version, such as {@code 1.4.2}
 * @param notes what it brings, or null
 * @param artifacts its files, kept in the order of their names
 * @param createdBy who added it
 * @param createdAt when
 */
public record Release(String version, String notes, List<Artifact> artifacts, String createdBy, Instant createdAt) {
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]{0,99}");

    public Release {
        checkVersion(version);
        artifacts = artifacts.stream()
                .sorted(java.util.Comparator.comparing(Artifact::name))
                .toList();
        if (artifacts.isEmpty()) {
            throw new IllegalArgumentException("release " + version + " has no artifacts");
        }
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    static String checkVersion(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new ReleaseException("bad version '" + version
                    + "': use up to 100 letters, digits, '_', '.', '+' and '-', starting with a letter or digit");
        }
        return version;
    }

    /** The SHA-256 of each artifact, by name. */
    public Map<String, String> digests() {
        Map<String, String> out = new LinkedHashMap<>();
        artifacts.forEach(a -> out.put(a.name(), a.sha256()));
        return out;
    }

    public long bytes() {
        return artifacts.stream().mapToLong(Artifact::bytes).sum();
    }
}
