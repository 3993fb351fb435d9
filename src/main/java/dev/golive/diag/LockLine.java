package dev.golive.diag;

/**
 * A lock line under a frame of a thread: {@code - locked <…>}, {@code - waiting to lock <…>}, …
 * {@code depth} is the index of the frame it is printed under (0 is the top of the stack).
 * {@code owner} is the holder's name when the dump says it (VisualVM's {@code owned by "x"}).
 */
public record LockLine(Kind kind, Lock lock, int depth, String owner) {
    public LockLine {
        if (kind == null || lock == null) {
            throw new IllegalArgumentException("a lock line needs a kind and a lock");
        }
    }

    /** What the thread does with the lock. */
    public enum Kind {
        /** {@code - locked}: holds the monitor (unless it waits on it in {@code Object.wait}). */
        LOCKED,
        /** {@code - waiting to lock}: blocked entering a monitor. */
        WAITING_TO_LOCK,
        /** {@code - waiting to re-lock in wait()}: woken from {@code Object.wait}, entering again. */
        WAITING_TO_RELOCK,
        /** {@code - waiting on}: in {@code Object.wait} on the monitor, which it has released. */
        WAITING_ON,
        /** {@code - parking to wait for}: parked on a java.util.concurrent synchronizer. */
        PARKING
    }
}
