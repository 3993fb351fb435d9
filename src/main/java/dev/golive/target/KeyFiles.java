package dev.golive.target;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Loads private keys: those named for a host must load, or connecting stops with the reason; the
 * default ones ({@code ~/.ssh/id_*}) are tried when they exist and skipped with a note when they
 * cannot be read, as OpenSSH does. Each file is read once per run.
 */
final class KeyFiles {
    /** The key pairs to offer, and notes on default keys that were skipped. */
    record Identities(List<KeyPair> keys, List<Path> files, List<String> skipped) {
        Identities {
            keys = List.copyOf(keys);
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
        }
    }

    /** A protected key with no passphrase to open it. */
    private static final class NoPassphrase extends IOException {
        NoPassphrase() {
            super("no passphrase");
        }
    }

    private final SshSettings settings;
    private final Map<Path, List<KeyPair>> loaded = new ConcurrentHashMap<>();

    KeyFiles(SshSettings settings) {
        this.settings = settings;
    }

    Identities forEndpoint(Endpoint endpoint) {
        List<KeyPair> keys = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<Path> all = new LinkedHashSet<>(endpoint.keys());
        for (Path file : all) {
            if (!Files.isRegularFile(file)) {
                throw new TargetException(endpoint.label() + ": key file " + file + " does not exist; fix key: in the"
                        + " plan or IdentityFile in " + settings.sshConfig());
            }
            try {
                keys.addAll(load(file));
            } catch (TargetException e) {
                throw new TargetException(endpoint.label() + ": " + e.getMessage());
            }
            files.add(file);
        }
        for (Path file : settings.defaultKeys()) {
            if (all.add(file) && Files.isRegularFile(file)) {
                try {
                    keys.addAll(load(file));
                    files.add(file);
                } catch (TargetException e) {
                    skipped.add(e.getMessage());
                }
            }
        }
        return new Identities(keys, files, skipped);
    }

    private List<KeyPair> load(Path file) {
        List<KeyPair> keys = loaded.get(file);
        if (keys == null) {
            keys = read(file);
            loaded.put(file, keys);
        }
        return keys;
    }

    /** The key pairs in {@code file}; a {@link TargetException} names the file and the problem. */
    private List<KeyPair> read(Path file) {
        boolean[] asked = {false};
        FilePasswordProvider passwords = (session, resource, retry) -> {
            asked[0] = true;
            return settings.passphrases().forKey(file).orElseThrow(NoPassphrase::new);
        };
        try (InputStream in = Files.newInputStream(file)) {
            List<KeyPair> keys = new ArrayList<>();
            Iterable<KeyPair> found = SecurityUtils.loadKeyPairIdentities(null, new PathResource(file), in, passwords);
            if (found != null) {
                found.forEach(keys::add);
            }
            if (keys.isEmpty()) {
                throw new TargetException(file + " holds no private key golive can read");
            }
            return List.copyOf(keys);
        } catch (NoPassphrase e) {
            throw new TargetException("key " + file + " is protected by a passphrase and none" + " was given; set "
                    + Passphrases.VARIABLE + " or add the key to ssh-agent");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof TargetException known) {
                throw known;
            }
            String why = asked[0] ? "the passphrase is wrong" : "it cannot be read (" + e.getMessage() + ")";
            throw new TargetException("key " + file + ": " + why + (asked[0] ? "; check " + Passphrases.VARIABLE : ""));
        }
    }
}
