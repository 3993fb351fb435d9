package dev.golive.record;

/**
 * A value a request sends, at a place where a scenario can put {@code ${name}} instead.
 *
 * @param place where it is sent
 * @param value the value, decoded
 * @param label the place for people: {@code form csrf}, {@code json $.item}, {@code path}
 * @param name a name a saved value could take from it: the field, parameter or header name
 */
record Sink(Place place, String value, String label, String name) {}
