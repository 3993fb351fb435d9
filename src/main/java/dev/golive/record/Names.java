package dev.golive.record;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Names for saved values: {@code ${name}} friendly, and unique within one scenario. */
final class Names {
    private static final int LONGEST = 40;

    private final Set<String> taken = new HashSet<>();

    /** A fresh name made from {@code hint}: letters and digits in camel case, numbered when taken. */
    String unique(String hint) {
        String base = clean(hint);
        String name = base;
        for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + n;
        }
        taken.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    /** Words in camel case: {@code access_token} becomes {@code accessToken}, {@code XSRF-TOKEN} {@code xsrfToken}. */
    static String clean(String hint) {
        StringBuilder out = new StringBuilder();
        for (String word : hint.split("[^A-Za-z0-9]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String w = word.equals(word.toUpperCase(Locale.ROOT)) ? word.toLowerCase(Locale.ROOT) : word;
            char first = out.isEmpty() ? Character.toLowerCase(w.charAt(0)) : Character.toUpperCase(w.charAt(0));
            out.append(first).append(w, 1, w.length());
        }
        String name = out.isEmpty() ? "value" : out.toString();
        name = Character.isDigit(name.charAt(0)) ? "v" + name : name;
        return name.length() > LONGEST ? name.substring(0, LONGEST) : name;
    }

    /** {@code items} becomes {@code item}, {@code categories} {@code category}; others stay. */
    static String singular(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /** A name from a header: {@code X-Order-Token} becomes {@code orderToken}. */
    static String ofHeader(String header) {
        String h = header.toLowerCase(Locale.ROOT);
        return h.startsWith("x-") ? h.substring(2) : h;
    }
}
