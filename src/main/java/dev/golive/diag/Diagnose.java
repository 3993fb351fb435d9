package dev.golive.diag;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads captures of a JVM — thread dumps, class histograms, per-thread CPU tables — and finds the
 * usual causes of a slow or stuck system in them: deadlocks, contended locks, exhausted thread
 * pools, waits on the database and its connection pool, stuck and CPU-hot threads, leaks.
 *
 * <pre>{@code
 * Diagnosis d = Diagnose.files(List.of(Path.of("dump-1.txt"), Path.of("dump-2.txt")));
 * for (Finding f : d.findings()) { ... f.severity(), f.title(), f.evidence() ... }
 * }</pre>
 */
public final class Diagnose {
    private static final int BUFFER = 1 << 16;

    private Diagnose() {}

    /** Reads every file and analyses them together: dumps of one JVM form a series. */
    public static Diagnosis files(List<Path> files) {
        List<Capture> captures = new ArrayList<>();
        for (Path f : files) {
            captures.add(read(f));
        }
        return analyse(captures);
    }

    /** Analyses captures already read. */
    public static Diagnosis analyse(List<Capture> captures) {
        return new Diagnosis(captures, Analysis.run(captures));
    }

    /**
     * Reads one file: text (any number of dumps, histograms and {@code top -H} tables, with other
     * text around them) or a JSON thread dump.
     *
     * @throws DiagException when the file cannot be read or holds none of these
     */
    public static Capture read(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new DiagException(source + " is a directory; give the capture files in it");
        }
        Capture capture;
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), BUFFER)) {
            capture = json(reader) ? JsonReader.read(source, reader) : TextReader.read(source, reader);
        } catch (NoSuchFileException e) {
            throw new DiagException(source + ": no such file");
        } catch (AccessDeniedException e) {
            throw new DiagException(source + ": permission denied");
        } catch (IOException e) {
            throw new DiagException("cannot read " + source + ": " + e.getMessage(), e);
        }
        if (capture.dumps().isEmpty()
                && capture.histograms().isEmpty()
                && capture.cpu().isEmpty()) {
            throw new DiagException(source + ": no thread dump, class histogram or thread CPU table in its "
                    + capture.lines() + (capture.lines() == 1 ? " line" : " lines")
                    + " (a thread dump starts with 'Full thread dump')");
        }
        return capture;
    }

    /** Whether the first character that is not white space opens a JSON object. */
    private static boolean json(BufferedReader reader) throws IOException {
        reader.mark(BUFFER);
        int c;
        do {
            c = reader.read();
        } while (c >= 0 && Character.isWhitespace(c));
        reader.reset();
        return c == '{';
    }
}
