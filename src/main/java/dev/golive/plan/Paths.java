package dev.golive.plan;

/** Builds the dotted paths that name a value in messages: {@code environments.production.hosts}. */
final class Paths {
    private Paths() {}

    static String child(String parent, String key) {
        String part = key.isEmpty() || key.matches("[A-Za-z0-9_-]+") ? key : "'" + key + "'";
        return parent.isEmpty() ? part : parent + "." + part;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
