package dev.golive.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JVM's own {@code Found one Java-level deadlock:} section: for each thread, the lock it
 * waits for and who holds it. The stacks that follow repeat the thread blocks and are passed over.
 */
final class DeadlockSection {
    private final List<JvmDeadlock> deadlocks = new ArrayList<>();
    private List<JvmDeadlock.Link> links;
    private String thread;
    private Lock lock;
    private boolean stacks;

    static boolean starts(String text) {
        return text.startsWith("Found one Java-level deadlock") || text.startsWith("Found a Java-level deadlock");
    }

    static boolean ends(String text) {
        return text.startsWith("Found ") && text.contains("deadlock") && !text.contains("Java-level");
    }

    /** Starts the next deadlock of the section. */
    void begin() {
        close();
        links = new ArrayList<>();
        stacks = false;
        thread = null;
        lock = null;
    }

    /** Reads one stripped line of the section; false when it is not one of its lines. */
    boolean read(String text) {
        if (text.startsWith("===") || text.isEmpty()) {
            return true;
        }
        if (text.startsWith("Java stack information")) {
            stacks = true;
            return true;
        }
        if (stacks) {
            return text.startsWith("\"") || text.startsWith("at ") || text.startsWith("- ");
        }
        if (text.startsWith("\"") && text.endsWith("\":")) {
            thread = text.substring(1, text.length() - 2);
            return true;
        }
        if (text.startsWith("waiting to lock monitor") || text.startsWith("waiting for ownable synchronizer")) {
            lock = lock(text);
            return true;
        }
        if (text.startsWith("which is held by \"") && thread != null && lock != null) {
            String holder = text.substring(18, Math.max(18, text.lastIndexOf('"')));
            links.add(new JvmDeadlock.Link(thread, lock, holder));
            return true;
        }
        return text.startsWith("waiting to lock") || text.startsWith("which is held by");
    }

    List<JvmDeadlock> deadlocks() {
        close();
        return List.copyOf(deadlocks);
    }

    private void close() {
        if (links != null && !links.isEmpty()) {
            deadlocks.add(new JvmDeadlock(links));
        }
        links = null;
    }

    /** {@code monitor 0x… (object 0x70fe20f58, a java.lang.Object),} or {@code synchronizer 0x…, (a …),}. */
    private static Lock lock(String text) {
        int object = text.indexOf("(object ");
        int a = text.indexOf(", a ", Math.max(object, 0));
        String className = null;
        if (a >= 0) {
            int end = text.indexOf(')', a);
            className = text.substring(a + 4, end < 0 ? text.length() : end);
        } else if ((a = text.indexOf("(a ")) >= 0) {
            int end = text.indexOf(')', a);
            className = text.substring(a + 3, end < 0 ? text.length() : end);
        }
        String id;
        if (object >= 0) {
            int comma = text.indexOf(',', object);
            id = text.substring(object + 8, comma < 0 ? text.length() : comma);
        } else {
            String[] words = text.split("[ ,]+");
            id = words.length > 4 ? words[4] : "unknown";
        }
        return Lock.of(id, className);
    }
}
