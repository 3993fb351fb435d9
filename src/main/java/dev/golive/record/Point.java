package dev.golive.record;

/**
 * One place in a response where a value was found.
 *
 * @param expression the {@code save:} expression that takes it, or null when none can
 * @param name a name for the saved value
 * @param label the place for people: {@code $.order.id}, {@code input csrf}, {@code header ETag}
 * @param cookie whether it is a cookie, which golive's cookie jar keeps even across redirects
 */
record Point(String expression, String name, String label, boolean cookie) {}
