package dev.golive.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmOptionsTest {
    @Test
    void aJvmSetUpForProductionMissesNothing() {
        List<String> options = List.of(
                "-Xms2g",
                "-Xmx2g",
                "-XX:+HeapDumpOnOutOfMemoryError",
                "-Xlog:gc*:file=/var/log/was/gc.log:time,uptime:filecount=5,filesize=20M");

        assertThat(JvmOptions.missing(options)).isEmpty();
        assertThat(JvmOptions.summary(options)).isEqualTo("-Xms2g -Xmx2g, heap dump on OOM, GC log");
    }

    @Test
    void namesEveryMissingOptionAsTheOptionToAdd() {
        assertThat(JvmOptions.missing(List.of("-Djava.awt.headless=true")))
                .containsExactly(
                        "a maximum heap (-Xmx)",
                        "an initial heap (-Xms)",
                        "-XX:+HeapDumpOnOutOfMemoryError",
                        "a GC log (-Xlog:gc*:file=...)");
    }

    @Test
    void theLastHeapDumpSwitchWinsAsInTheJvm() {
        List<String> on = List.of(
                "-Xms1g",
                "-Xmx1g",
                "-XX:-HeapDumpOnOutOfMemoryError",
                "-XX:+HeapDumpOnOutOfMemoryError",
                "-verbose:gc");
        List<String> off = List.of(
                "-Xms1g",
                "-Xmx1g",
                "-XX:+HeapDumpOnOutOfMemoryError",
                "-XX:-HeapDumpOnOutOfMemoryError",
                "-verbose:gc");

        assertThat(JvmOptions.missing(on)).isEmpty();
        assertThat(JvmOptions.missing(off)).containsExactly("-XX:+HeapDumpOnOutOfMemoryError");
    }

    @Test
    void acceptsHeapSizesAsPercentagesOfTheContainerAndTheOldGcLogOption() {
        List<String> options = List.of(
                "-XX:InitialRAMPercentage=50",
                "-XX:MaxRAMPercentage=75",
                "-XX:+HeapDumpOnOutOfMemoryError",
                "-Xloggc:/var/log/gc.log");

        assertThat(JvmOptions.missing(options)).isEmpty();
    }
}
