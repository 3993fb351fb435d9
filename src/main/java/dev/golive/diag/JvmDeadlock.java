package dev.golive.diag;

import java.util.List;

/**
 * A deadlock as the JVM itself reports it under {@code Found one Java-level deadlock:}: who waits
 * for which lock, held by whom.
 */
public record JvmDeadlock(List<Link> links) {
    public JvmDeadlock {
        links = List.copyOf(links);
    }

    /** {@code thread} waits for {@code lock}, which {@code heldBy} holds. */
    public record Link(String thread, Lock lock, String heldBy) {}
}
