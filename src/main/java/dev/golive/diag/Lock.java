package dev.golive.diag;

import java.util.Locale;

/**
 * An object threads lock or wait for: a monitor or a java.util.concurrent synchronizer.
 *
 * @param id the address or identity hash without {@code 0x} and leading zeros, so that the same object
 *     has the same id however a dump prints it
 * @param className its class, empty when not printed
 * @param address the address as printed ({@code 0x000000070fe20f58}, {@code 5b7e9c8d}), to search the dump for
 */
public record Lock(String id, String className, String address) {
    public Lock {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a lock needs an id");
        }
        className = className == null ? "" : className;
        address = address == null || address.isEmpty() ? id : address;
    }

    /** A lock from a dump's text: {@code 0x000000070fe20f58}, {@code 5b7e9c8d} or {@code java.lang.Object@4c882558}. */
    static Lock of(String text, String className) {
        String t = text.strip();
        int at = t.lastIndexOf('@');
        if (at > 0) {
            String hash = t.substring(at + 1);
            return new Lock(normalize(hash), t.substring(0, at), hash);
        }
        return new Lock(normalize(t), className, t);
    }

    static String normalize(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        if (a.startsWith("0x")) {
            a = a.substring(2);
        }
        int i = 0;
        while (i < a.length() - 1 && a.charAt(i) == '0') {
            i++;
        }
        return a.substring(i);
    }

    /** As dumps print it: {@code <0x000000070fe20f58> (a java.lang.Object)}. */
    @Override
    public String toString() {
        return "<" + address + ">" + (className.isEmpty() ? "" : " (a " + className + ")");
    }
}
