package dev.golive.target;

import dev.golive.plan.Host;
import java.nio.file.Path;

/** A host that commands run on: this machine, or one reached over SSH. */
public interface Target {
    Host host();

    /**
     * Runs a command, as the host's {@code sudo:} user when the command names none. Never throws
     * for a failure on the host's side: an unreachable host, a refused login or a timeout gives a
     * result whose {@link Result#failure()} says why.
     */
    Result run(Command command);

    /**
     * Copies a local file to {@code remotePath} on the host, as the login user (never through sudo):
     * written under a temporary name beside it, renamed into place, then its SHA-256 is computed on
     * the host with {@code sha256sum} and compared.
     *
     * @return the SHA-256 of the file, in lower-case hex
     * @throws TargetException when the copy or the check fails
     */
    String upload(Path local, String remotePath);
}
