package dev.golive.plan;

import java.nio.file.Path;

/**
 * Where a value stands in a plan file: file, 1-based line and 1-based column. Every value of a
 * loaded plan carries one, so that a feature can point the user at the line that caused trouble.
 */
public record Location(Path file, int line, int column) {
    public Location {
        if (file == null) {
            throw new IllegalArgumentException("file is required");
        }
        line = Math.max(line, 1);
        column = Math.max(column, 1);
    }

    /** The file name as the user gave it, then line and column: {@code golive.yaml:12:5}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
