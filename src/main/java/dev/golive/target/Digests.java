package dev.golive.target;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Function;

/** SHA-256 of a local file, and its check on the host after a copy. */
public final class Digests {
    private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(5);

    private Digests() {}

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new TargetException("reading " + file + " to upload it failed: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Runs {@code sha256sum} on the host and compares; the host's login user, never sudo. */
    static void verify(Function<Command, Result> exec, String label, String path, String expected) {
        Result result =
                exec.apply(Command.of("sha256sum -- " + Shell.quote(path)).withTimeout(CHECK_TIMEOUT));
        if (!result.ok()) {
            throw new TargetException(label + ": checking the SHA-256 of " + path + " after the upload failed: "
                    + result.summary() + "; golive needs sha256sum (coreutils) on the host");
        }
        String actual = result.stdout().strip().split("\\s+", 2)[0];
        if (!actual.equalsIgnoreCase(expected)) {
            throw new TargetException(label + ": " + path + " has SHA-256 " + actual + " on the host but "
                    + expected + " here; the copy is damaged (a full disk?) or was changed while copying."
                    + " Check the space on the host and upload again");
        }
    }
}
