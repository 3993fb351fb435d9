package dev.golive.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads sections that are maps of names to definitions: hosts, services, scenarios, … */
final class Named {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    interface Definition<T> {
        /** Reads one definition; may return null after reporting a problem. */
        T read(String name, Fields fields);
    }

    private Named() {}

    static <T> Map<String, T> read(Fields parent, String key, Definition<T> definition) {
        Fields section = parent.fields(key);
        Map<String, T> out = new LinkedHashMap<>();
        for (String name : section.keys()) {
            section.allow(name);
            if (!NAME.matcher(name).matches()) {
                section.reading()
                        .problem(
                                section.keyLocation(name),
                                section.path(name),
                                "bad name '" + name
                                        + "': use letters, digits, '_', '.' and '-', starting with a letter or digit");
                continue;
            }
            T value = definition.read(name, section.fields(name));
            if (value != null) {
                out.put(name, value);
            }
        }
        return out;
    }
}
