package dev.golive.plan;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${env:NAME}}, {@code ${env:NAME:-default}} and {@code ${secret:NAME}} in plan
 * values. Other {@code ${name}} references are left alone: scenarios fill them in at run time.
 */
final class Interpolator {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z]+):([^}]*)}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final Map<String, String> environment;
    private final Supplier<SecretsFile> secretsFile;
    private final boolean allowMissingSecrets;
    private final Set<String> used = new LinkedHashSet<>();
    private final Set<String> missing = new LinkedHashSet<>();

    Interpolator(Map<String, String> environment, Supplier<SecretsFile> secretsFile, boolean allowMissingSecrets) {
        this.environment = Map.copyOf(environment);
        this.secretsFile = secretsFile;
        this.allowMissingSecrets = allowMissingSecrets;
    }

    /**
     * The text with references replaced; null when a reference cannot be resolved, after reporting
     * it, so that a half-resolved value is never used or reported again as empty.
     */
    String apply(String text, Location location, String path, Problems problems) {
        if (!text.contains("${")) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean resolved = true;
        while (m.find()) {
            String value = reference(m.group(1), m.group(2), location, path, problems);
            resolved &= value != null;
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return resolved ? out.toString() : null;
    }

    Secrets secrets() {
        return new Secrets(used, missing);
    }

    /** One {@code ${kind:rest}}; scenario values like {@code ${id}} have no colon and never get here. */
    private String reference(String kind, String rest, Location at, String path, Problems problems) {
        if (!kind.equals("env") && !kind.equals("secret")) {
            String hint = kind.equalsIgnoreCase("env") || kind.equalsIgnoreCase("secret") ? kind.toLowerCase() : null;
            problems.add(
                    at,
                    path,
                    "unknown reference ${" + kind + ":" + rest + "}: write ${env:NAME} or ${secret:NAME}"
                            + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
            return null;
        }
        int dash = rest.indexOf(":-");
        String name = (dash < 0 ? rest : rest.substring(0, dash)).strip();
        String fallback = dash < 0 ? null : rest.substring(dash + 2);
        if (kind.equals("secret") && fallback != null) {
            problems.add(
                    at,
                    path,
                    "${secret:" + name + "} cannot have a default: a secret must come from the secrets "
                            + "file or the environment");
            return null;
        }
        return resolve(kind, name, fallback, at, path, problems);
    }

    private String resolve(String kind, String name, String fallback, Location at, String path, Problems problems) {
        if (!NAME.matcher(name).matches()) {
            problems.add(
                    at,
                    path,
                    "bad " + kind + " name '" + name + "' in ${" + kind + ":" + name
                            + "}: use letters, digits, '_', '.' and '-'");
            return null;
        }
        if (kind.equals("env")) {
            String value = environment.getOrDefault(name, fallback);
            if (value == null) {
                problems.add(
                        at,
                        path,
                        "environment variable " + name + " is not set; set it, or give a default: ${env:" + name
                                + ":-value}");
            }
            return value;
        }
        return secret(name, at, path, problems);
    }

    private String secret(String name, Location at, String path, Problems problems) {
        SecretsFile file = secretsFile.get();
        String value = file == null ? null : file.get(name);
        if (value == null) {
            value = environment.get(name);
        }
        if (value == null && allowMissingSecrets) {
            missing.add(at + ": " + path + ": secret " + name + " is not set");
            return Secrets.MASK;
        }
        if (value == null) {
            problems.add(
                    at,
                    path,
                    "secret " + name + " is not set: put " + name
                            + "=... in the secrets file, or set the environment variable " + name);
            return null;
        }
        used.add(value);
        return value;
    }
}
