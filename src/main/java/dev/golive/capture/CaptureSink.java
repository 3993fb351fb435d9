package dev.golive.capture;

import dev.golive.target.OutputListener;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
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
    private final Map<String, OutputStream> binary = new ConcurrentHashMap<>();

    void begin(String host, Path file) {
        try {
            Files.createDirectories(file.getParent());
            open.put(host, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Like {@link #begin}, for a file that comes as Base64 lines and is written decoded. */
    void beginBinary(String host, Path file) {
        try {
            Files.createDirectories(file.getParent());
            binary.put(host, new java.io.BufferedOutputStream(Files.newOutputStream(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    void end(String host) {
        OutputStream b = binary.remove(host);
        if (b != null) {
            try {
                b.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot finish a capture file of " + host + ": " + e.getMessage(), e);
            }
        }
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
        OutputStream b = binary.get(host);
        if (b != null && !error) {
            try {
                b.write(java.util.Base64.getMimeDecoder().decode(line));
            } catch (IOException | IllegalArgumentException e) {
                throw new UncheckedIOException(
                        "cannot write a capture of " + host + ": " + e.getMessage(), new IOException(e));
            }
            return;
        }
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
