package dev.golive.drill;

/**
 * When each phase began, in seconds since the load began; a phase that never came is {@code -1}.
 *
 * @param fault the fault was begun
 * @param faulted the fault was done
 * @param restore the restore was begun
 * @param restored the restore was done
 * @param end the load stopped
 */
record Marks(double fault, double faulted, double restore, double restored, double end) {
    static Marks none() {
        return new Marks(-1, -1, -1, -1, -1);
    }

    Marks withFault(double at) {
        return new Marks(at, faulted, restore, restored, end);
    }

    Marks withFaulted(double at) {
        return new Marks(fault, at, restore, restored, end);
    }

    Marks withRestore(double at) {
        return new Marks(fault, faulted, at, restored, end);
    }

    Marks withRestored(double at) {
        return new Marks(fault, faulted, restore, at, end);
    }

    Marks withEnd(double at) {
        return new Marks(fault, faulted, restore, restored, at);
    }
}
