package dev.golive.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A file of {@code NAME=value} lines holding secrets. It is refused when others than its owner
 * may read it, as ssh does with private keys: a readable secrets file has already leaked.
 */
final class SecretsFile {
    private final Map<String, String> values;

    private SecretsFile(Map<String, String> values) {
        this.values = values;
    }

    static SecretsFile empty() {
        return new SecretsFile(Map.of());
    }

    /** Reads the file, or explains in the exception's message why it cannot be used. */
    static SecretsFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("secrets file " + file + " does not exist");
        }
        checkPrivate(file);
        Map<String, String> values = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines) {
            String s = line.strip();
            int eq = s.indexOf('=');
            if (s.isEmpty() || s.startsWith("#") || eq < 1) {
                continue;
            }
            values.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
        }
        return new SecretsFile(values);
    }

    String get(String name) {
        return values.get(name);
    }

    private static void checkPrivate(Path file) throws IOException {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;
        }
        boolean shared = perms.stream()
                .anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
        if (shared) {
            throw new IOException("secrets file " + file + " may be read by others ("
                    + PosixFilePermissions.toString(perms) + "); make it private with: chmod 600 " + file);
        }
        if (!Files.isReadable(file)) {
            throw new IOException("secrets file " + file + " cannot be read by this user");
        }
    }
}
