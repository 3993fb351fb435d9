package dev.golive.plan;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a plan file with its includes, resolves {@code ${env:…}} and {@code ${secret:…}}, reads it
 * into records and checks every reference. All problems are collected (up to {@value
 * Problems#LIMIT}) and thrown together as one {@link PlanException}.
 */
public final class PlanLoader {
    private static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    private final Map<String, String> environment;
    private final Path secretsFile;
    private final boolean allowMissingSecrets;

    /**
     * @param environment the variables {@code ${env:…}} and {@code ${secret:…}} may read
     * @param secretsFile a secrets file given on the command line, or null to use the plan's
     *     {@code secrets:} key
     */
    public PlanLoader(Map<String, String> environment, Path secretsFile) {
        this(environment, secretsFile, false);
    }

    private PlanLoader(Map<String, String> environment, Path secretsFile, boolean allowMissingSecrets) {
        this.environment = Map.copyOf(environment);
        this.secretsFile = secretsFile;
        this.allowMissingSecrets = allowMissingSecrets;
    }

    /**
     * A loader that accepts secrets it cannot resolve, masking them and listing them in {@link
     * Secrets#missing()}: for validating a plan where the secrets are not at hand.
     */
    public PlanLoader allowingMissingSecrets() {
        return new PlanLoader(environment, secretsFile, true);
    }

    /** A loader reading the process environment, with no secrets file given. */
    public static PlanLoader fromEnvironment() {
        return new PlanLoader(System.getenv(), null);
    }

    /** Loads and validates the plan, or throws {@link PlanException} listing every problem. */
    public Plan load(Path file) {
        Problems problems = new Problems();
        List<Node.Mapping> documents = new ArrayList<>();
        collect(file, null, "", problems, documents, new LinkedHashSet<>());
        problems.throwIfAny();
        Node.Mapping merged = Merge.documents(documents, problems);
        SecretsSource secrets = new SecretsSource(secretsFile, merged, file, problems);
        Interpolator interpolator = new Interpolator(environment, secrets::get, allowMissingSecrets);
        Reading reading = new Reading(problems, interpolator);
        Plan plan = PlanReader.read(merged, file, reading, interpolator::secrets);
        if (!problems.full()) {
            CrossReferences.check(plan, problems);
        }
        problems.throwIfAny();
        return plan;
    }

    private void collect(
            Path file, Location from, String path, Problems problems, List<Node.Mapping> out, Set<Path> chain) {
        Path key = file.toAbsolutePath().normalize();
        if (!chain.add(key)) {
            problems.add(from, path, "include goes in a circle: " + file + " includes itself through " + chain);
            return;
        }
        Node root = parse(file, from, path, problems);
        if (root instanceof Node.Mapping map) {
            out.add(map);
            includes(file, map, problems, out, chain);
        } else if (root != null && !(root instanceof Node.Null && from != null)) {
            problems.add(
                    root.location(),
                    "",
                    "a plan file must be a map of keys such as system, environments, " + "scenarios; found "
                            + root.describe());
        }
        chain.remove(key);
    }

    private void includes(Path file, Node.Mapping map, Problems problems, List<Node.Mapping> out, Set<Path> chain) {
        Node.Entry include = map.entries().get("include");
        if (include == null) {
            return;
        }
        Reading plain = new Reading(problems, new Interpolator(environment, SecretsFile::empty, true));
        List<Node> items = plain.items(include.value(), "include");
        for (int i = 0; i < items.size(); i++) {
            String path = Paths.index("include", i);
            String name = plain.text(items.get(i), path);
            Path target = name == null ? null : resolve(file, name, items.get(i).location(), path, problems);
            if (target != null) {
                collect(target, items.get(i).location(), path, problems, out, chain);
            }
        }
    }

    private Node parse(Path file, Location from, String path, Problems problems) {
        Location at = from == null ? new Location(file, 1, 1) : from;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                problems.add(
                        at, path, "plan file " + file + " is larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MiB");
                return null;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            problems.source(file, text);
            return new YamlTree().parse(file, text, problems);
        } catch (MalformedInputException e) {
            problems.add(at, path, "plan file " + file + " is not UTF-8 text");
        } catch (java.nio.file.NoSuchFileException e) {
            problems.add(at, path, (from == null ? "plan file " : "included file ") + file + " does not exist");
        } catch (IOException e) {
            problems.add(at, path, "cannot read " + file + ": " + e.getMessage());
        }
        return null;
    }

    /** The file a plan names, relative to the plan; null after reporting a name no file can have. */
    static Path resolve(Path relativeTo, String name, Location at, String path, Problems problems) {
        Path p;
        try {
            p = Path.of(name);
        } catch (InvalidPathException e) {
            problems.add(at, path, "bad file name '" + name + "': " + e.getReason());
            return null;
        }
        if (p.isAbsolute()) {
            return p;
        }
        Path dir = relativeTo.getParent();
        return dir == null ? p : dir.resolve(p);
    }
}
