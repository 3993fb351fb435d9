package dev.golive.diag;

/**
 * One frame of a stack: the method ({@code java.lang.Thread.sleep}) and where it is
 * ({@code Thread.java:745}, {@code Native Method}). Class loader and module prefixes are dropped,
 * so frames compare equal across JDK versions and dump formats.
 */
public record Frame(String method, String location) {
    public Frame {
        if (method == null || method.isEmpty()) {
            throw new IllegalArgumentException("a frame needs a method");
        }
        location = location == null ? "" : location;
    }

    /** Reads {@code java.base@17/java.lang.Object.wait(java.base@17/Native Method)} and the like. */
    static Frame parse(String text) {
        int open = text.indexOf('(');
        String method = open < 0 ? text : text.substring(0, open);
        String location = "";
        if (open >= 0) {
            int close = text.lastIndexOf(')');
            location = text.substring(open + 1, close > open ? close : text.length());
            int slash = location.lastIndexOf('/');
            location = slash >= 0 ? location.substring(slash + 1) : location;
        }
        return new Frame(withoutModule(method.strip()), location);
    }

    /** Drops {@code app//}, {@code java.base/} and {@code java.base@17/}, keeps hidden class names ({@code /0x…}). */
    private static String withoutModule(String method) {
        String m = method;
        for (int slash = m.indexOf('/'); slash >= 0; slash = m.indexOf('/')) {
            if (m.startsWith("0x", slash + 1)) {
                return m;
            }
            m = m.substring(slash + 1);
        }
        return m;
    }

    /** The class part of the method. */
    public String className() {
        int dot = method.lastIndexOf('.');
        return dot < 0 ? method : method.substring(0, dot);
    }

    /** Whether the frame is in the JDK rather than in the application or a library. */
    public boolean inJdk() {
        return method.startsWith("java.")
                || method.startsWith("javax.")
                || method.startsWith("jdk.")
                || method.startsWith("sun.")
                || method.startsWith("com.sun.");
    }

    // Frames of a dump are shared between threads: identity first keeps grouping by stack cheap.
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Frame f && method.equals(f.method) && location.equals(f.location));
    }

    @Override
    public int hashCode() {
        return method.hashCode() * 31 + location.hashCode();
    }

    @Override
    public String toString() {
        return method + "(" + location + ")";
    }
}
