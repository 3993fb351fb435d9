package dev.golive.diag;

import java.util.List;

/**
 * One thread of a dump.
 *
 * @param name the thread's name
 * @param id the Java thread id ({@code #12}, {@code id=12}, {@code t@12}, JSON {@code tid}), null when not printed
 * @param nid the operating system's thread id ({@code nid=0x2a43}, decimal), which {@code top -H} shows
 * @param daemon whether it is a daemon thread
 * @param virtual whether it is a virtual thread
 * @param carrier for a mounted virtual thread, the name of its carrier thread
 * @param state the Java thread state
 * @param stateDetail what the state line adds in parentheses: {@code sleeping}, {@code parking}, {@code on object monitor}
 * @param cpuMillis CPU time used since it started ({@code cpu=}), null when not printed
 * @param elapsedSeconds time since it started ({@code elapsed=}), null when not printed
 * @param frames the stack, top first
 * @param locks the lock lines under its frames
 * @param synchronizers the java.util.concurrent locks it holds ({@code Locked ownable synchronizers})
 */
public record DumpThread(
        String name,
        Long id,
        Long nid,
        boolean daemon,
        boolean virtual,
        String carrier,
        ThreadState state,
        String stateDetail,
        Double cpuMillis,
        Double elapsedSeconds,
        List<Frame> frames,
        List<LockLine> locks,
        List<Lock> synchronizers) {
    public DumpThread {
        if (name == null) {
            throw new IllegalArgumentException("a thread needs a name");
        }
        state = state == null ? ThreadState.UNKNOWN : state;
        stateDetail = stateDetail == null ? "" : stateDetail;
        frames = List.copyOf(frames);
        locks = List.copyOf(locks);
        synchronizers = List.copyOf(synchronizers);
    }

    /** A JVM thread without Java frames or id: the VM thread, GC and compiler workers, and the like. */
    public boolean internal() {
        return frames.isEmpty() && id == null;
    }

    /** The top frame, or null for a thread without Java frames. */
    public Frame top() {
        return frames.isEmpty() ? null : frames.getFirst();
    }

    /** The state as a dump prints it: {@code TIMED_WAITING (sleeping)}. */
    public String stateText() {
        return stateDetail.isEmpty() ? state.name() : state.name() + " (" + stateDetail + ")";
    }

    /** The same thread in another dump of the same JVM has the same key. */
    String key() {
        return name + (id != null ? "#" + id : nid != null ? "@" + nid : "");
    }
}
