package dev.golive.target;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One output stream of a command: hands each line to the listener as it completes and keeps the
 * last {@link Result#KEPT_BYTES} bytes for the result. Once {@link #close()}d it drops whatever
 * still arrives, so a daemon that kept the stream open cannot print into the next command.
 */
final class OutputSink extends OutputStream {
    // A line this long without a line end is passed on as it is, so memory stays bounded.
    private static final int LONGEST_LINE = 16 * 1024;

    private final String host;
    private final boolean error;
    private final OutputListener listener;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final byte[] tail = new byte[Result.KEPT_BYTES];
    private long total;
    private boolean closed;

    OutputSink(String host, boolean error, OutputListener listener) {
        this.host = host;
        this.error = error;
        this.listener = listener;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        if (closed) {
            return;
        }
        for (int i = offset; i < offset + length; i++) {
            keep(bytes[i]);
            if (bytes[i] == '\n') {
                emit();
            } else {
                line.write(bytes[i]);
                if (line.size() >= LONGEST_LINE) {
                    emit();
                }
            }
        }
    }

    private void keep(byte b) {
        tail[(int) (total % tail.length)] = b;
        total++;
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        listener.line(host, error, text);
    }

    /** Passes on an unfinished last line and stops taking output. */
    @Override
    public synchronized void close() {
        if (!closed && line.size() > 0) {
            emit();
        }
        closed = true;
    }

    /** The kept tail of the output. */
    synchronized String text() {
        if (total <= tail.length) {
            return new String(tail, 0, (int) total, StandardCharsets.UTF_8);
        }
        int start = (int) (total % tail.length);
        byte[] ordered = new byte[tail.length];
        System.arraycopy(tail, start, ordered, 0, tail.length - start);
        System.arraycopy(tail, 0, ordered, tail.length - start, start);
        return new String(ordered, StandardCharsets.UTF_8);
    }
}
