package dev.golive.capture;

import dev.golive.target.OutputListener;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the standard output of a host's running command into a file, whole: a thread dump is
 * larger than what a command's result keeps. One capture per host at a time.
 */
final class CaptureSink implements OutputListener {
    private final Map<String, BufferedWriter> open = new ConcurrentHashMap<>();

    void begin(String host, Path file) {
        try {
            Files.createDirectories(file.getParent());
            open.put(host, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    void end(String host) {
        BufferedWriter w = open.remove(host);
        if (w != null) {
            try {
                w.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot finish a capture file of " + host + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void line(String host, boolean error, String line) {
        BufferedWriter w = open.get(host);
        if (w == null || error) {
            return;
        }
        try {
            w.write(line);
            w.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a capture of " + host + ": " + e.getMessage(), e);
        }
    }
}
