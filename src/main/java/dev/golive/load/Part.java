package dev.golive.load;

import dev.golive.plan.LoadTest;
import java.util.List;

/**
 * The share of a load test one generator runs: part {@code index} (from 0) of {@code of}. Arrival
 * rates are divided evenly; users are dealt out one by one, so the parts add up to the whole.
 */
public record Part(int index, int of) {
    public static final Part WHOLE = new Part(0, 1);

    public Part {
        if (of < 1 || index < 0 || index >= of) {
            throw new IllegalArgumentException("part " + index + " of " + of);
        }
    }

    /** {@code "2/3"} for the second of three, as given on a command line. */
    public static Part parse(String text) {
        String[] p = text.split("/");
        try {
            if (p.length == 2) {
                return new Part(Integer.parseInt(p[0].strip()) - 1, Integer.parseInt(p[1].strip()));
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        throw new IllegalArgumentException("bad part '" + text + "': expected N/OF, like 2/3");
    }

    /** The phases with every rate divided among the parts. */
    List<LoadTest.Phase> rates(List<LoadTest.Phase> phases) {
        return phases.stream()
                .map(ph -> new LoadTest.Phase(ph.from() / of, ph.to() / of, ph.duration()))
                .toList();
    }

    /** This part's users of {@code level}: the parts together run exactly {@code level}. */
    int users(int level) {
        return level / of + (index < level % of ? 1 : 0);
    }

    @Override
    public String toString() {
        return (index + 1) + "/" + of;
    }
}
