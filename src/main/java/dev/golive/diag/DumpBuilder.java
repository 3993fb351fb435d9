package dev.golive.diag;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A text thread dump while its lines are read: thread blocks and the sections around them. */
final class DumpBuilder {
    private enum Mode {
        THREADS,
        SMR,
        DEADLOCK,
        HEAP,
        DONE
    }

    private final String source;
    private final int index;
    private final int line;
    private final LocalDateTime timestamp;
    private final Long pid;
    private final String jvm;
    private final Map<String, Frame> frames;
    private final List<DumpThread> threads = new ArrayList<>();
    private final DeadlockSection deadlocks = new DeadlockSection();
    private Mode mode = Mode.THREADS;
    private ThreadBuilder thread;
    private boolean open;
    private boolean ownable;
    private boolean ended;
    private Integer jniRefs;

    DumpBuilder(
            String source,
            int index,
            int line,
            LocalDateTime timestamp,
            Long pid,
            String jvm,
            Map<String, Frame> frames) {
        this.source = source;
        this.index = index;
        this.line = line;
        this.timestamp = timestamp;
        this.pid = pid;
        this.jvm = jvm;
        this.frames = frames;
    }

    /** Reads one line ({@code text} is it stripped); false when it is not part of the dump. */
    boolean read(String raw, String text) {
        switch (mode) {
            case SMR -> {
                mode = text.equals("}") ? Mode.THREADS : Mode.SMR;
                return true;
            }
            case DEADLOCK -> {
                if (deadlockLine(text)) {
                    return true;
                }
            }
            case HEAP -> {
                if (text.isEmpty() || Character.isWhitespace(raw.charAt(0))) {
                    return true;
                }
                mode = Mode.DONE;
            }
            default -> {}
        }
        if (text.isEmpty()) {
            open = false;
            ownable = false;
            return true;
        }
        return threadLine(text) || sectionLine(text);
    }

    /** Whether {@code <EndOfDump>} was read. */
    boolean ended() {
        return ended;
    }

    ThreadDump build() {
        finishThread();
        return new ThreadDump(
                source, index, line, timestamp, pid, jvm, "text", threads, deadlocks.deadlocks(), jniRefs);
    }

    private boolean deadlockLine(String text) {
        if (DeadlockSection.starts(text)) {
            deadlocks.begin();
            return true;
        }
        if (DeadlockSection.ends(text)) {
            mode = Mode.DONE;
            return true;
        }
        return deadlocks.read(text);
    }

    private boolean threadLine(String text) {
        if (mode == Mode.DONE) {
            return false;
        }
        if (text.charAt(0) == '"' && !text.endsWith("\":")) {
            startThread(ThreadHeader.quoted(text));
            return true;
        }
        if (ThreadHeader.isNumbered(text)) {
            startThread(ThreadHeader.numbered(text));
            return true;
        }
        return thread != null && inThread(text);
    }

    /** Adds a frame ({@code text} is what follows "at ") to the thread being read; false when none is. */
    boolean frame(String text) {
        if (thread == null || !open || mode == Mode.DONE) {
            return false;
        }
        thread.frames.add(frames.computeIfAbsent(text, Frame::parse));
        return true;
    }

    private boolean inThread(String text) {
        if (text.startsWith("at ") && frame(text.substring(3))) {
            return true;
        }
        if (text.startsWith("- ")) {
            return ownable ? synchronizer(text) : open && LockLines.read(text, thread);
        }
        if (text.startsWith("java.lang.Thread.State:")) {
            state(text.substring(23).strip());
            return true;
        }
        if (text.startsWith("Locked ownable synchronizers:") || text.startsWith("Locked synchronizers:")) {
            ownable = true;
            return true;
        }
        if (text.startsWith("Carrying virtual thread #")) {
            thread.state = thread.state == ThreadState.UNKNOWN ? ThreadState.RUNNABLE : thread.state;
            return true;
        }
        if (text.startsWith("Mounted virtual thread #")) {
            mounted(text.substring(24));
            return true;
        }
        return text.equals("No compile task") || text.startsWith("Compiling:");
    }

    private boolean sectionLine(String text) {
        if (text.equals("Threads class SMR info:")) {
            mode = Mode.SMR;
        } else if (text.startsWith("JNI global ref")) {
            jniRefs = jni(text);
            finishThread();
            mode = Mode.DONE;
        } else if (DeadlockSection.starts(text)) {
            finishThread();
            deadlocks.begin();
            mode = Mode.DEADLOCK;
        } else if (text.equals("Heap")) {
            finishThread();
            mode = Mode.HEAP;
        } else if (text.equals("<EndOfDump>")) {
            finishThread();
            ended = true;
        } else {
            return false;
        }
        return true;
    }

    private void startThread(ThreadBuilder next) {
        finishThread();
        thread = next;
        open = true;
        ownable = false;
    }

    private void finishThread() {
        if (thread != null) {
            threads.add(thread.build());
            thread = null;
        }
        open = false;
        ownable = false;
    }

    private boolean synchronizer(String text) {
        if (text.equals("- None")) {
            return true;
        }
        Lock lock = LockLines.synchronizer(text);
        if (lock != null) {
            thread.synchronizers.add(lock);
        }
        return lock != null;
    }

    /** {@code TIMED_WAITING (sleeping)}. */
    private void state(String text) {
        int space = text.indexOf(' ');
        ThreadState state = ThreadState.of(space < 0 ? text : text.substring(0, space));
        if (state != null) {
            thread.state = state;
            int open = text.indexOf('(');
            int close = text.lastIndexOf(')');
            thread.detail = open > 0 && close > open ? text.substring(open + 1, close) : "";
        }
    }

    /** A carrier's stack goes on with the frames of the virtual thread it runs. */
    private void mounted(String id) {
        String carrier = thread.name;
        finishThread();
        ThreadBuilder virtual = new ThreadBuilder("virtual thread #" + id.strip());
        virtual.id = ThreadHeader.number(id.strip());
        virtual.virtual = true;
        virtual.carrier = carrier;
        virtual.state = ThreadState.RUNNABLE;
        startThread(virtual);
    }

    /** {@code JNI global refs: 14, weak refs: 0} or {@code JNI global references: 556}. */
    private static Integer jni(String text) {
        int colon = text.indexOf(':');
        int end = colon + 1;
        String rest = text.substring(end).strip();
        int stop = 0;
        while (stop < rest.length() && Character.isDigit(rest.charAt(stop))) {
            stop++;
        }
        return stop == 0 ? null : Integer.valueOf(rest.substring(0, stop));
    }
}
