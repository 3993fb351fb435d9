package dev.golive.release;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file of a release: a WAR, a JAR, an EAR or a configuration bundle, known by its SHA-256.
 *
 * @param name the file's name, as it was added
 * @param sha256 its SHA-256, lower-case hex
 * @param bytes its size
 */
public record Artifact(String name, String sha256, long bytes) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]*");

    public Artifact {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad artifact name '" + name
                    + "': use letters, digits, '_', '.', '+' and '-', starting with a letter or digit");
        }
        if (sha256 == null || !HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in lower-case hex: '" + sha256 + "'");
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("size must not be negative: " + bytes);
        }
    }

    /** The first 12 hex digits, enough to tell releases apart on screen. */
    public String shortDigest() {
        return sha256.substring(0, 12);
    }

    public boolean isWar() {
        return name.endsWith(".war");
    }
}
