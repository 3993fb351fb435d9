package dev.golive.plan;

import java.util.List;

/** Finds which one of several mutually exclusive kind keys a definition uses. */
final class Kinds {
    private Kinds() {}

    /** The single kind key present; reports none or several. */
    static String one(Fields f, List<String> kinds, String what) {
        String found = null;
        for (String k : kinds) {
            if (f.has(k)) {
                if (found != null) {
                    f.reading()
                            .problem(
                                    f.keyLocation(k),
                                    f.path(),
                                    what + " has one kind, but both '" + found + "' and '" + k + "' are given");
                    return null;
                }
                found = k;
            }
        }
        if (found == null) {
            String unknown = f.keys().stream()
                    .filter(k -> !kinds.contains(k))
                    .findFirst()
                    .orElse(null);
            String hint = unknown == null ? null : Suggest.closest(unknown, kinds);
            if (hint != null) {
                f.allow(unknown);
            }
            f.reading()
                    .problem(
                            f.location(),
                            f.path(),
                            what + " needs one of the keys " + kinds
                                    + (hint == null
                                            ? ""
                                            : " (did you mean '" + hint + "' instead of '" + unknown + "'?)"));
        }
        return found;
    }
}
