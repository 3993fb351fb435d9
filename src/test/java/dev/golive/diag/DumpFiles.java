package dev.golive.diag;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The captures of the test resources: real dumps in {@code thread-dumps/}, made-up cases in {@code diag/}. */
final class DumpFiles {
    private DumpFiles() {}

    /** A real dump of the corpus, by its file name. */
    static Path corpus(String name) {
        return resource("/thread-dumps/" + name);
    }

    /** A made-up case, by its file name. */
    static Path fixture(String name) {
        return resource("/diag/" + name);
    }

    static Capture read(String corpusFile) {
        return Diagnose.read(corpus(corpusFile));
    }

    static Diagnosis diagnose(String... corpusFiles) {
        return Diagnose.files(Arrays.stream(corpusFiles).map(DumpFiles::corpus).toList());
    }

    static Diagnosis diagnose(List<Path> files) {
        return Diagnose.files(files);
    }

    /** The thread of the dump with the given name. */
    static DumpThread thread(ThreadDump dump, String name) {
        return dump.threads().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + name + " in " + dump.label()));
    }

    private static Path resource(String name) {
        URL url = DumpFiles.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
