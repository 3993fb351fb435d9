package dev.golive.target;

import dev.golive.testsupport.SshServer;
import java.nio.file.Path;
import java.time.Duration;

/** SSH settings for tests: a temporary home and plan directory, never the real ~/.ssh. */
final class Settings {
    private Settings() {}

    static SshSettings of(Path home, Path planDir, HostKeyPolicy policy) {
        return new SshSettings(
                home, planDir, policy, Passphrases.none(), null, SshServer.user(), Duration.ofSeconds(10), 20);
    }

    /** Accepts the test servers' new host keys: tests that are not about host keys need no known_hosts. */
    static SshSettings trusting(Path home, Path planDir) {
        return of(home, planDir, HostKeyPolicy.ACCEPT_NEW);
    }
}
