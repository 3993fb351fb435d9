package dev.golive.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The artifact directory: each file kept once, under its SHA-256 ({@code sha256/ab/abcdef…}), so
 * the same bytes added under two versions take the space of one and a file's name says what it
 * must contain.
 */
public final class ArtifactStore {
    private final Path directory;

    public ArtifactStore(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** Copies {@code file} in, unless the same bytes are there already. */
    public Artifact put(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ReleaseException("no file " + file + " to add");
        }
        try {
            Path folder = Files.createDirectories(directory.resolve("sha256"));
            Path temporary = folder.resolve(".adding-" + UUID.randomUUID());
            String digest;
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
                Files.copy(in, temporary);
                digest = HexFormat.of()
                        .formatHex(((DigestInputStream) in).getMessageDigest().digest());
            }
            Path target = file(digest);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(temporary);
            } else {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Artifact(file.getFileName().toString(), digest, Files.size(target));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add " + file + " to the artifact directory " + directory, e);
        }
    }

    /** The stored file of {@code artifact}, checked to hold exactly its bytes. */
    public Path verified(Artifact artifact) {
        Path stored = file(artifact.sha256());
        if (!Files.isRegularFile(stored)) {
            throw new ReleaseException(artifact.name() + " (" + artifact.shortDigest() + ") is missing from the"
                    + " artifact directory " + directory + "; add the release again from the same file");
        }
        String actual = digest(stored);
        if (!actual.equals(artifact.sha256())) {
            throw new ReleaseException(stored + " holds SHA-256 " + actual + ", not " + artifact.sha256()
                    + "; the artifact directory was changed by hand");
        }
        return stored;
    }

    Path file(String sha256) {
        return directory.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    static String digest(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
