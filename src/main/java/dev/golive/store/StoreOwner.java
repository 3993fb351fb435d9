package dev.golive.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code .golive/store.owner}: which process last opened the embedded store. H2's file lock does
 * not say who holds it, so this note lets a waiting process name the one it waits for. Purely
 * informative: it is written after the lock is taken and never trusted for locking.
 */
final class StoreOwner {
    private static final int LONGEST_COMMAND = 200;

    private final Path file;
    private final UnaryOperator<String> masker;

    StoreOwner(Path file, UnaryOperator<String> masker) {
        this.file = file;
        this.masker = masker;
    }

    void claim() {
        ProcessHandle self = ProcessHandle.current();
        try {
            Files.writeString(file, self.pid() + " " + command(self) + "\n");
        } catch (IOException e) {
            // The note is a courtesy; the unit of work goes on without it.
        }
    }

    /** The holder as "PID 1234: command", if it is another process that is still alive. */
    Optional<String> describeOther() {
        try {
            String[] note = Files.readString(file).strip().split(" ", 2);
            long pid = Long.parseLong(note[0]);
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (pid == ProcessHandle.current().pid() || !alive) {
                return Optional.empty();
            }
            return Optional.of("PID " + pid + (note.length > 1 ? ": " + note[1] : ""));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    // The command line may carry secrets given as arguments, so it is masked and shortened.
    private String command(ProcessHandle process) {
        String command = process.info().commandLine().orElse("");
        String masked = masker.apply(command).replace('\n', ' ');
        return masked.length() > LONGEST_COMMAND ? masked.substring(0, LONGEST_COMMAND) + "…" : masked;
    }
}
