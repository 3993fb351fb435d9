package dev.golive.target;

import dev.golive.plan.Host;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A shell command to run on a host.
 *
 * <p>Locally the script runs as {@code bash -c SCRIPT}. Over SSH it runs as {@code timeout -k 5 T
 * bash --norc -c SCRIPT}, so the host stops it by itself even when golive is gone or the login is root (for
 * which sshd cannot deliver signals); such hosts need bash and coreutils.
 *
 * @param script shell text
 * @param timeout how long the command may run before it is stopped
 * @param sudoUser run as this user through {@code sudo -n}, or null for the host's own {@code
 *     sudo:} setting
 * @param stdin text written to the command's standard input, or null for none (it reads EOF)
 */
public record Command(String script, Duration timeout, String sudoUser, String stdin) {
    /** Long enough for a deploy step, short enough that a hung host does not hold a run forever. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private static final long REMOTE_GRACE_SECONDS = 2;

    // Only names that need no quoting: the user name is spliced into the sudo command line.
    private static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    public Command {
        if (script == null || script.isBlank()) {
            throw new IllegalArgumentException("a command needs a script");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (sudoUser != null && !USER.matcher(sudoUser).matches()) {
            throw new IllegalArgumentException("not a user name: '" + sudoUser + "'");
        }
    }

    /** The script with the default timeout, as the host's login user (or its {@code sudo:}). */
    public static Command of(String script) {
        return new Command(script, DEFAULT_TIMEOUT, null, null);
    }

    public Command withTimeout(Duration timeout) {
        return new Command(script, timeout, sudoUser, stdin);
    }

    /** Runs as {@code user} through sudo; null keeps the host's setting. */
    public Command asUser(String user) {
        return new Command(script, timeout, user, stdin);
    }

    public Command withInput(String input) {
        return new Command(script, timeout, sudoUser, input);
    }

    /** This command as it runs on {@code host}: as the host's {@code sudo:} user if it names none. */
    Command forHost(Host host) {
        return sudoUser == null && host.sudo() != null ? asUser(host.sudo()) : this;
    }

    /**
     * The text sent over SSH: the host's own deadline comes a little after golive's, so golive
     * normally stops the command first and says it timed out.
     */
    String remoteText() {
        long seconds = (timeout.toMillis() + 999) / 1000 + REMOTE_GRACE_SECONDS;
        // --norc: the login shell sshd starts has read the user's ~/.bashrc already. This second bash
        // would read it again (bash does so for a shell it believes sshd started, and the login
        // shell's exec of timeout makes it look like one): twice the start-up work on every host,
        // and anything the file prints mixed into the output.
        String limited = "timeout -k 5 " + seconds + " bash --norc -c " + Shell.quote(script);
        return sudoUser == null ? limited : "sudo -n -u " + sudoUser + " -- " + limited;
    }

    /** The text handed to the shell: the script itself, or wrapped in {@code sudo -n -u USER}. */
    public String shellText() {
        if (sudoUser == null) {
            return script;
        }
        // -n: fail at once instead of waiting for a password prompt nobody will answer.
        return "sudo -n -u " + sudoUser + " -- bash -c " + Shell.quote(script);
    }
}
