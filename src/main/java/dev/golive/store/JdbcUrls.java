package dev.golive.store;

import java.util.regex.Pattern;

/** Hides passwords in JDBC URLs so a URL can be quoted in any message. */
final class JdbcUrls {
    static final String MASK = "****";

    // user:password@host, as some drivers and many copy-pasted URLs have it
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?;]*:)[^/@]*(@)");
    // ?password=..., &password=..., ;PASSWORD=... (H2 style)
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]password=)[^&;]*");

    private JdbcUrls() {}

    static String mask(String url) {
        if (url == null) {
            return null;
        }
        String masked = USER_INFO.matcher(url).replaceAll("$1" + MASK + "$2");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
    }
}
