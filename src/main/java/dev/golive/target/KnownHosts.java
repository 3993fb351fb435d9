package dev.golive.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * The known_hosts files, read fresh for every check so a line removed by the user counts at once.
 * MINA's {@link KnownHostEntry} parses the lines: hashed names ({@code |1|salt|hash}), {@code
 * [host]:port}, patterns and markers.
 */
final class KnownHosts {
    /** A line of a known_hosts file that names the host, with where it is. */
    record Line(Path file, int number, String marker, PublicKey key) {
        String keyType() {
            return KeyUtils.getKeyType(key);
        }
    }

    private final List<Path> files;
    private final Path writable;

    /**
     * @param files read in this order
     * @param writable where accepted keys are added; one of {@code files}
     */
    KnownHosts(List<Path> files, Path writable) {
        this.files = List.copyOf(files);
        this.writable = writable;
    }

    Path writable() {
        return writable;
    }

    /** Every line, in every file, whose host pattern matches {@code host} on {@code port}. */
    List<Line> linesFor(String host, int port) {
        List<Line> found = new ArrayList<>();
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                read(file, host, port, found);
            }
        }
        return found;
    }

    private static void read(Path file, String host, int port, List<Line> found) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TargetException("reading " + file + " failed: " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            Line line = parse(file, i + 1, lines.get(i), host, port);
            if (line != null) {
                found.add(line);
            }
        }
    }

    private static Line parse(Path file, int number, String text, String host, int port) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return null;
        }
        try {
            KnownHostEntry entry = KnownHostEntry.parseKnownHostEntry(trimmed);
            if (entry == null || !entry.isHostMatch(host, port)) {
                return null;
            }
            PublicKey key = entry.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
            String marker = entry.getMarker();
            // MINA keeps the marker without its '@'; golive compares (and shows) it as written.
            if (marker != null && !marker.isEmpty() && !marker.startsWith("@")) {
                marker = "@" + marker;
            }
            return key == null ? null : new Line(file, number, marker == null || marker.isEmpty() ? null : marker, key);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // OpenSSH skips lines it cannot read, and so does golive: a key type it does not know
            // must not make every other host unreachable.
            return null;
        }
    }

    /** Adds {@code key} for {@code host}, in OpenSSH's format ({@code [host]:port} off port 22). */
    synchronized void add(String host, int port, PublicKey key) {
        String name = port == 22 ? host : "[" + host + "]:" + port;
        String line = name + " " + PublicKeyEntry.toString(key) + "\n";
        try {
            Files.createDirectories(writable.toAbsolutePath().getParent());
            if (endsWithoutNewline(writable)) {
                line = "\n" + line;
            }
            Files.writeString(
                    writable, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new TargetException(
                    "writing the host key of " + host + " to " + writable + " failed: " + e.getMessage());
        }
    }

    // A hand-edited file may lack its last line end; appending to it would spoil that line.
    private static boolean endsWithoutNewline(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            return false;
        }
        byte[] bytes = Files.readAllBytes(file);
        return bytes[bytes.length - 1] != '\n';
    }
}
