package dev.golive.target;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Gives the passphrase of a protected private key. Passphrases are never printed or logged. */
@FunctionalInterface
public interface Passphrases {
    /** The environment variable {@link #fromEnvironment} reads. */
    String VARIABLE = "GOLIVE_SSH_PASSPHRASE";

    /**
     * The passphrase for {@code key}, or empty when there is none to give.
     *
     * @param key the private key file
     */
    Optional<String> forKey(Path key);

    static Passphrases none() {
        return key -> Optional.empty();
    }

    /** The same passphrase, from {@value #VARIABLE}, for every key. */
    static Passphrases fromEnvironment(Map<String, String> environment) {
        Optional<String> value = Optional.ofNullable(environment.get(VARIABLE));
        return key -> value;
    }
}
