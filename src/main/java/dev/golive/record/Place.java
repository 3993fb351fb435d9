package dev.golive.record;

/**
 * Where in a request a value is sent: a path segment, a query parameter, a form field, a JSON
 * value, a header, or the credentials after the scheme of an Authorization-like header.
 *
 * @param kind which part of the request
 * @param key the header name or the JSON pointer; empty for the others
 * @param index the segment, parameter or field number; 0 for the others
 */
record Place(Kind kind, String key, int index) {
    enum Kind {
        PATH,
        QUERY,
        FORM,
        JSON,
        HEADER,
        CREDENTIALS
    }

    static Place path(int index) {
        return new Place(Kind.PATH, "", index);
    }

    static Place query(int index) {
        return new Place(Kind.QUERY, "", index);
    }

    static Place form(int index) {
        return new Place(Kind.FORM, "", index);
    }

    static Place json(String pointer) {
        return new Place(Kind.JSON, pointer, 0);
    }

    static Place header(String name) {
        return new Place(Kind.HEADER, name, 0);
    }

    static Place credentials(String name) {
        return new Place(Kind.CREDENTIALS, name, 0);
    }
}
