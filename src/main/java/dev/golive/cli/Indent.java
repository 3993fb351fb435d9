package dev.golive.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;

/** The output of a command the demo runs: written through with every line indented, and a copy kept. */
final class Indent extends Writer {
    private final PrintWriter out;
    private final StringWriter copy;
    private boolean lineStart = true;

    Indent(PrintWriter out, StringWriter copy) {
        this.out = out;
        this.copy = copy;
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        copy.write(buffer, offset, length);
        for (int i = offset; i < offset + length; i++) {
            if (lineStart) {
                out.write("      ");
                lineStart = false;
            }
            out.write(buffer[i]);
            lineStart = buffer[i] == '\n';
        }
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
