package dev.golive.diag;

/**
 * The kinds of finding, in the order they are listed when equally severe: causes before the
 * symptoms they produce (a contended lock before the pool it exhausts).
 */
public enum FindingKind {
    DEADLOCK("deadlock"),
    LOCK_CONTENTION("lock contention"),
    CONNECTION_POOL_WAIT("waiting for a database connection"),
    DATABASE_WAIT("waiting on the database"),
    POOL_EXHAUSTED("thread pool exhausted"),
    CPU_HOT("CPU-hot threads"),
    STUCK("stuck threads"),
    LEAK_SUSPECT("leak suspect"),
    HOT_STACK("same stack in many threads"),
    THREAD_POOLS("thread pools");

    private final String words;

    FindingKind(String words) {
        this.words = words;
    }

    /** The kind in words: {@code lock contention}. */
    public String words() {
        return words;
    }
}
