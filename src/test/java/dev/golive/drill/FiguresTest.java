package dev.golive.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiguresTest {
    private static Figures figures(long requests, Map<String, Long> kinds) {
        long errors = kinds.values().stream().mapToLong(Long::longValue).sum();
        return new Figures(0, null, requests, errors, kinds, 100.0 * errors / requests, 3.0, null, null, List.of());
    }

    @Test
    void theErrorsDuringTheFaultAreShownWithTheirKindsInTheKindsOrder() {
        Figures f = figures(80, Map.of("status", 5L, "reset", 1L));

        assertThat(f.errorsShown("/")).isEqualTo("7.50% (6/80: reset 1, status 5)");
        assertThat(f.errorsShown(" of ")).isEqualTo("7.50% (6 of 80: reset 1, status 5)");
    }

    @Test
    void noErrorsAreShownWithoutKinds() {
        assertThat(figures(80, Map.of()).errorsShown("/")).isEqualTo("0.00% (0/80)");
    }
}
