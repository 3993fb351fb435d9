package dev.golive.store;

/** Checks on the text fields of entries and runs, with messages that quote the bad value. */
final class Texts {
    private Texts() {}

    static String require(String value, String name, int longest) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return atMost(value, name, longest);
    }

    static String atMost(String value, String name, int longest) {
        if (value != null && value.length() > longest) {
            throw new IllegalArgumentException(name + " '" + abbreviate(value) + "' is " + value.length()
                    + " characters long, at most " + longest + " are allowed");
        }
        return value;
    }

    static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
