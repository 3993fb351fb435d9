package dev.golive.diag;

/**
 * Reads the lock lines under frames ({@code - locked <0x…> (a java.lang.Object)} and its kin) and
 * the entries of {@code Locked ownable synchronizers:}.
 */
final class LockLines {
    private LockLines() {}

    /** Adds the lock line {@code text} (stripped, starting with "- ") to the thread; false when it is none. */
    static boolean read(String text, ThreadBuilder thread) {
        LockLine.Kind kind = kind(text);
        if (kind == null) {
            return text.startsWith("- eliminated");
        }
        Lock lock = lock(text);
        if (lock == null) {
            return text.contains("<no object reference available>");
        }
        thread.lock(kind, lock, owner(text));
        return true;
    }

    /** An entry of {@code Locked ownable synchronizers}: {@code - <0x…> (a …)}, {@code - Locked <…> (a …)}, {@code - Class@hash}. */
    static Lock synchronizer(String text) {
        String t = text.substring(1).strip();
        if (t.startsWith("Locked ")) {
            t = t.substring(7);
        }
        if (t.startsWith("<")) {
            return lock(t);
        }
        int at = t.lastIndexOf('@');
        return at > 0 ? Lock.of(t, null) : null;
    }

    private static LockLine.Kind kind(String text) {
        if (text.startsWith("- locked ")) {
            return LockLine.Kind.LOCKED;
        }
        if (text.startsWith("- waiting to lock ")) {
            return LockLine.Kind.WAITING_TO_LOCK;
        }
        if (text.startsWith("- waiting to re-lock")) {
            return LockLine.Kind.WAITING_TO_RELOCK;
        }
        if (text.startsWith("- waiting on ")) {
            return LockLine.Kind.WAITING_ON;
        }
        return text.startsWith("- parking to wait for") ? LockLine.Kind.PARKING : null;
    }

    /** The lock between angle brackets and the class after "(a ". */
    static Lock lock(String text) {
        int open = text.indexOf('<');
        int close = text.indexOf('>', open + 1);
        if (open < 0 || close < 0 || close == open + 1) {
            return null;
        }
        String id = text.substring(open + 1, close);
        if (id.indexOf(' ') >= 0) {
            return null;
        }
        String className = null;
        int a = text.indexOf("(a ", close);
        if (a >= 0) {
            int end = text.indexOf(')', a);
            className = text.substring(a + 3, end < 0 ? text.length() : end);
        }
        return Lock.of(id, className);
    }

    /** VisualVM's {@code owned by "name" t@17}. */
    private static String owner(String text) {
        int owned = text.indexOf(" owned by \"");
        if (owned < 0) {
            return null;
        }
        int start = owned + 11;
        int end = text.indexOf('"', start);
        return end < 0 ? null : text.substring(start, end);
    }
}
