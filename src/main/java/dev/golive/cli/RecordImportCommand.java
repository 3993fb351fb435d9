package dev.golive.cli;

import dev.golive.record.Candidate;
import dev.golive.record.HarException;
import dev.golive.record.ImportOptions;
import dev.golive.record.Imported;
import dev.golive.record.RecordImport;
import dev.golive.record.Summary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        description = {
            "Turn a browser recording (HAR, as the network panel saves it) into a scenario.",
            "Drops static resources and other origins, turns pauses into think times, and saves the values "
                    + "a response handed out that a later request sent back."
        })
final class RecordImportCommand implements Runnable {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final Context context;

    @Parameters(index = "0", paramLabel = "FILE.har", description = "The recording.")
    String file;

    @Option(names = "--scenario", required = true, paramLabel = "NAME", description = "The scenario's name.")
    String scenario;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Write the scenario to this file (default: standard output).")
    String out;

    @Option(names = "--force", description = "Overwrite the --out file if it exists.")
    boolean force;

    @Option(names = "--keep-static", description = "Keep scripts, styles, images, fonts and other static resources.")
    boolean keepStatic;

    @Option(names = "--keep-other-origins", description = "Keep requests to other origins than the entry's.")
    boolean keepOtherOrigins;

    @Option(
            names = "--drop",
            paramLabel = "REGEX",
            description = "Also drop requests whose URL matches this pattern (repeatable).")
    List<String> drop = new ArrayList<>();

    @Option(
            names = "--entry",
            paramLabel = "URL",
            description = "Requests under this URL become relative (default: the origin of the first request kept).")
    String entry;

    @Option(names = "--json", description = "Print the summary as JSON on standard output.")
    boolean json;

    RecordImportCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        if (!NAME.matcher(scenario).matches()) {
            throw new UsageException("--scenario '" + scenario + "': a scenario name starts with a letter or digit "
                    + "and holds only letters, digits, _, . and -");
        }
        Path target = out == null ? null : context.resolve(out);
        if (target != null && !force && Files.exists(target)) {
            throw new UsageException(out + " exists; give --force to overwrite it");
        }
        Imported imported;
        try {
            imported = RecordImport.run(
                    context.resolve(file),
                    new ImportOptions(scenario, keepStatic, keepOtherOrigins, patterns(), entry));
        } catch (HarException e) {
            throw new UsageException(e.getMessage());
        }
        if (target != null) {
            write(target, imported.yaml());
        } else if (!json) {
            context.out().print(imported.yaml());
        }
        if (json) {
            Json.print(context.out(), json(imported));
        } else {
            print(imported.summary());
        }
    }

    private List<Pattern> patterns() {
        List<Pattern> out = new ArrayList<>();
        for (String regex : drop) {
            try {
                out.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new UsageException("--drop '" + regex + "': not a regular expression: " + e.getDescription());
            }
        }
        return out;
    }

    private void write(Path target, String yaml) {
        try {
            if (force) {
                Files.writeString(target, yaml, StandardCharsets.UTF_8);
            } else {
                Files.writeString(target, yaml, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(out + " exists; give --force to overwrite it");
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot write " + out + ": its directory does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Object> json(Imported imported) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("summary", imported.summary());
        if (this.out == null) {
            out.put("yaml", imported.yaml());
        } else {
            out.put("out", this.out);
        }
        return out;
    }

    private void print(Summary s) {
        var err = context.err();
        err.println(s.file() + ": " + s.entries() + " entries, " + s.kept() + " kept"
                + (s.followed() > 0 ? " (and " + plural(s.followed(), "redirect") + " followed within them)" : "")
                + ", " + s.droppedCount() + " dropped" + dropped(s) + "; " + plural(s.thinks(), "think time")
                + "; relative to " + s.entry());
        if (!s.otherOrigins().isEmpty()) {
            err.println("other origins dropped: " + String.join(", ", s.otherOrigins()));
        }
        for (Candidate c : s.candidates()) {
            err.println((c.replaced() ? "saved ${" + c.saved() + "} = " + c.expression() : "NOT replaced") + ": '"
                    + c.value() + "' (" + c.length() + " chars)");
            err.println("    from " + String.join("; ", c.from()));
            err.println("    sent " + String.join("; ", c.to()));
            if (!c.replaced()) {
                err.println("    " + c.reason());
            }
        }
        s.secrets().forEach(line -> err.println("secret: " + line));
        s.warnings().forEach(w -> err.println("warning: " + w));
        if (out != null) {
            err.println("scenario " + s.scenario() + " written to " + out);
        }
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String dropped(Summary s) {
        if (s.dropped().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        s.dropped().forEach((reason, n) -> parts.add(reason + " " + n));
        return " (" + String.join(", ", parts) + ")";
    }
}
