package dev.golive.release;

/**
 * What runs on one instance: what its files hash to on the host, against what the ledger says.
 *
 * @param instance the instance ({@code was/was1})
 * @param state {@link #OK}, {@link #DRIFT}, {@link #INTERRUPTED}, {@link #FAILED}, {@link #UNKNOWN} or {@link #NONE}
 * @param onHost the release whose bytes are on the host, or null when they are no release's
 * @param ledger the release the ledger says it runs, or null
 * @param detail one line: why the state is what it is, and what to do
 */
public record InstanceState(String instance, String state, String onHost, String ledger, String detail) {
    /** The host has the bytes the ledger says. */
    public static final String OK = "ok";
    /** The host has other bytes than the ledger says: a file was changed by hand. */
    public static final String DRIFT = "drift";
    /** A deploy stopped while working on this instance (or still runs). */
    public static final String INTERRUPTED = "interrupted";
    /** No deploy ever ended well on it. */
    public static final String FAILED = "failed";
    /** The host could not be asked. */
    public static final String UNKNOWN = "unknown";
    /** golive never deployed to it. */
    public static final String NONE = "none";

    public boolean ok() {
        return OK.equals(state);
    }
}
