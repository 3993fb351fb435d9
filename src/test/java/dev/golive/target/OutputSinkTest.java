package dev.golive.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputSinkTest {
    @Test
    void passesOnWholeLinesWithoutTheirLineEnds() {
        Lines lines = new Lines();
        OutputSink sink = new OutputSink("was1", false, lines);

        write(sink, "one\r\ntw");
        write(sink, "o\nthr");
        sink.close();

        assertThat(lines.all()).containsExactly("was1 | one", "was1 | two", "was1 | thr");
        assertThat(sink.text()).isEqualTo("one\r\ntwo\nthr");
    }

    private static void write(OutputSink sink, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sink.write(bytes, 0, bytes.length);
    }

    @Test
    void keepsOnlyTheLastBytesButPassesOnEveryLine() {
        Lines lines = new Lines();
        OutputSink sink = new OutputSink("was1", true, lines);
        int count = 20_000;
        for (int i = 0; i < count; i++) {
            byte[] line = ("line " + i + "\n").getBytes(StandardCharsets.UTF_8);
            sink.write(line, 0, line.length);
        }
        sink.close();

        assertThat(lines.all()).hasSize(count).endsWith("was1 ! line " + (count - 1));
        assertThat(sink.text()).hasSize(Result.KEPT_BYTES).endsWith("line " + (count - 1) + "\n");
    }

    @Test
    void dropsWhatArrivesAfterClose() {
        Lines lines = new Lines();
        OutputSink sink = new OutputSink("was1", false, lines);
        sink.close();

        sink.write("late\n".getBytes(StandardCharsets.UTF_8), 0, 5);

        assertThat(lines.all()).isEmpty();
        assertThat(sink.text()).isEmpty();
    }

    @Test
    void cutsAnEndlessLineSoMemoryStaysBounded() {
        Lines lines = new Lines();
        OutputSink sink = new OutputSink("was1", false, lines);
        byte[] dots = ".".repeat(40_000).getBytes(StandardCharsets.UTF_8);

        sink.write(dots, 0, dots.length);
        sink.close();

        assertThat(lines.all()).hasSize(3);
    }

    @Test
    void thePrefixedListenerNamesTheHostOnEveryLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OutputListener listener = OutputListener.prefixed(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        listener.line("was1", false, "started");
        listener.line("was2", true, "refused");

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("was1 | started" + System.lineSeparator());
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("was2 | refused" + System.lineSeparator());
    }
}
