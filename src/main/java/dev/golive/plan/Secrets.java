package dev.golive.plan;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The secret values a plan resolved, so that every output can mask them. {@link #mask(String)}
 * also hides passwords written into JDBC or HTTP URLs, whether or not they came from a secret.
 */
public final class Secrets {
    /** What a masked value is replaced with. */
    public static final String MASK = "****";

    private static final Pattern URL_PASSWORD_PARAM =
            Pattern.compile("(?i)([?&;](?:password|pwd|passwd)=)[^&;\\s\"']*");
    private static final Pattern URL_USER_INFO = Pattern.compile("(://[^/:@\\s\"']+:)[^@/\\s\"']+@");

    private final List<String> values;
    private final List<String> missing;

    Secrets(Set<String> values, Set<String> missing) {
        this.missing = List.copyOf(missing);
        // Longest first, so a secret that contains another is hidden whole.
        this.values = values.stream()
                .filter(v -> !v.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** No secrets: still masks passwords in URLs. */
    public static Secrets none() {
        return new Secrets(new LinkedHashSet<>(), new LinkedHashSet<>());
    }

    /**
     * The secrets that could not be resolved when the plan was loaded with missing secrets
     * allowed, each as {@code file:line:col: path: secret NAME is not set}.
     */
    public List<String> missing() {
        return missing;
    }

    /** How many distinct secret values the plan used. */
    public int count() {
        return values.size();
    }

    /** The text with every secret value and URL password replaced by {@value #MASK}. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : values) {
            out = out.replace(secret, MASK);
        }
        out = URL_PASSWORD_PARAM.matcher(out).replaceAll("$1" + MASK);
        return URL_USER_INFO.matcher(out).replaceAll("$1" + MASK + "@");
    }

    /** {@link #mask(String)} as a function, for the store and the journal. */
    public UnaryOperator<String> masker() {
        return this::mask;
    }
}
