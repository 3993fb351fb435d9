package dev.golive.record;

import java.util.Locale;

/**
 * Recorded passwords must not end up in a plan: a form field or JSON key named like a password is
 * written as {@code ${secret:NAME}}, which golive reads from the secrets file or the environment.
 */
final class Passwords {
    private Passwords() {}

    static boolean is(String field) {
        String f = field.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return f.endsWith("password")
                || f.endsWith("passwd")
                || f.endsWith("passphrase")
                || f.equals("pw")
                || f.equals("pwd")
                || f.equals("pass");
    }

    /** The secret's name: {@code user[password]} becomes {@code USER_PASSWORD}. */
    static String secret(String field) {
        String name =
                field.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "").toUpperCase(Locale.ROOT);
        return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "PASSWORD_" + name : name;
    }

    static String reference(String field) {
        return "${secret:" + secret(field) + "}";
    }
}
