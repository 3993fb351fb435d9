package dev.golive.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a dashboard user may do, each role including the ones before it: a viewer looks, an
 * operator confirms and fails steps, an approver also approves and rejects gates, an admin also
 * aborts runs. Which gates a person may approve is still the plan's {@code people:} roles.
 */
public enum Role {
    VIEWER,
    OPERATOR,
    APPROVER,
    ADMIN;

    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.word().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("no role '" + text + "'; the roles are "
                + Arrays.stream(values()).map(Role::word).collect(Collectors.joining(", ")));
    }
}
