package dev.golive.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The rows of a CSV feed, handed out to virtual users from any thread: {@code queue} gives each
 * row once, {@code circular} starts over at the end, {@code random} picks any row. A row is lent
 * to one user at a time: until that user releases it, no other user gets it, so two users never
 * log in with the same account at once.
 */
final class Feeder {
    /** Random picks tried before looking for a free row in order; most rows are free most of the time. */
    private static final int RANDOM_TRIES = 8;

    private final String file;
    private final String mode;
    private final List<Map<String, String>> rows;
    private final RandomGenerator random;
    private final boolean[] lent;
    private int inUse;
    private int next;

    Feeder(String file, String mode, List<Map<String, String>> rows, RandomGenerator random) {
        if (rows.isEmpty()) {
            throw new StepFailure("feed " + file + " has no rows below its header row");
        }
        this.file = file;
        this.mode = mode;
        this.rows = List.copyOf(rows);
        this.random = random;
        this.lent = new boolean[rows.size()];
    }

    static Feeder open(Path path, String mode, RandomGenerator random) {
        return open(path, mode, random, 0, 1);
    }

    /**
     * The rows of the feed that belong to part {@code index} of {@code of}: row {@code r} (from 0)
     * when {@code r % of == index}, so that generators sharing a test never use the same row.
     */
    static Feeder open(Path path, String mode, RandomGenerator random, int index, int of) {
        try {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank())
                    .toList();
            if (lines.isEmpty()) {
                throw new StepFailure("feed " + path + " is empty; its first row must name the columns");
            }
            List<Map<String, String>> all = rows(path, lines);
            List<Map<String, String>> mine = new ArrayList<>();
            for (int r = index; r < all.size(); r += of) {
                mine.add(all.get(r));
            }
            String name = of == 1 ? path.toString() : path + " (part " + (index + 1) + " of " + of + ")";
            return new Feeder(name, mode, mine, random);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read feed " + path + ": " + e.getMessage(), e);
        }
    }

    private static List<Map<String, String>> rows(Path path, List<String> lines) {
        List<String> names = Csv.fields(lines.getFirst());
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> fields = Csv.fields(lines.get(i));
            if (fields.size() != names.size()) {
                throw new StepFailure("feed " + path + " line " + (i + 1) + " has " + fields.size()
                        + " fields, the header row names " + names.size() + ": " + names);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < names.size(); c++) {
                row.put(names.get(c), fields.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The next row for a virtual user, lent until the lease is released. */
    synchronized Lease take() {
        int index = mode.equals("queue") ? queued() : free();
        lent[index] = true;
        inUse++;
        return new Lease(index);
    }

    private synchronized void release(int index) {
        lent[index] = false;
        inUse--;
    }

    private int queued() {
        if (next >= rows.size()) {
            throw new StepFailure("feed " + file + " (mode queue) ran out: all " + rows.size()
                    + " rows were used; add rows or use mode circular");
        }
        return next++;
    }

    private int free() {
        if (inUse == rows.size()) {
            throw new StepFailure("all " + rows.size() + " rows of feed " + file
                    + " are in use by other users; add rows or lower the users");
        }
        if (mode.equals("random")) {
            for (int i = 0; i < RANDOM_TRIES; i++) {
                int pick = random.nextInt(rows.size());
                if (!lent[pick]) {
                    return pick;
                }
            }
            return nthFree(random.nextInt(rows.size() - inUse));
        }
        while (lent[next]) {
            next = (next + 1) % rows.size();
        }
        int index = next;
        next = (next + 1) % rows.size();
        return index;
    }

    private int nthFree(int n) {
        int seen = 0;
        for (int i = 0; i < lent.length; i++) {
            if (!lent[i] && seen++ == n) {
                return i;
            }
        }
        throw new IllegalStateException("fewer free rows than counted");
    }

    /** One row lent to one virtual user; released once, when the user's run ends. */
    final class Lease {
        private final int index;
        private boolean released;

        private Lease(int index) {
            this.index = index;
        }

        Map<String, String> row() {
            return rows.get(index);
        }

        void release() {
            synchronized (Feeder.this) {
                if (!released) {
                    released = true;
                    Feeder.this.release(index);
                }
            }
        }
    }
}
