package dev.golive.diag;

import java.util.ArrayList;
import java.util.List;

/** A thread while its lines are read. */
final class ThreadBuilder {
    String name;
    Long id;
    Long nid;
    boolean daemon;
    boolean virtual;
    String carrier;
    ThreadState state = ThreadState.UNKNOWN;
    String detail = "";
    Double cpuMillis;
    Double elapsedSeconds;
    final List<Frame> frames = new ArrayList<>();
    final List<LockLine> locks = new ArrayList<>();
    final List<Lock> synchronizers = new ArrayList<>();

    ThreadBuilder(String name) {
        this.name = name;
    }

    void lock(LockLine.Kind kind, Lock lock, String owner) {
        locks.add(new LockLine(kind, lock, Math.max(0, frames.size() - 1), owner));
    }

    DumpThread build() {
        ThreadState s = state == ThreadState.UNKNOWN ? inferred() : state;
        return new DumpThread(
                name,
                id,
                nid,
                daemon,
                virtual,
                carrier,
                s,
                detail,
                cpuMillis,
                elapsedSeconds,
                frames,
                locks,
                synchronizers);
    }

    /** The state a stack shows when the dump does not print one (older JSON dumps). */
    private ThreadState inferred() {
        if (frames.isEmpty()) {
            return ThreadState.UNKNOWN;
        }
        String top = frames.getFirst().method();
        if (top.endsWith(".park")
                || top.endsWith(".parkNanos")
                || top.endsWith("Object.wait")
                || top.endsWith(".wait0")) {
            return ThreadState.WAITING;
        }
        if (top.contains("Thread.sleep")) {
            return ThreadState.TIMED_WAITING;
        }
        return ThreadState.RUNNABLE;
    }
}
