package dev.golive.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code .golive/store.lock}: a golive process holds an operating-system lock on this file from
 * the moment it opens its first connection to the embedded store until it closes its last one.
 * H2 already lets only one process at a time open the store; this lock makes that turn visible
 * to golive itself, so the last one out can compact the file with no other golive able to open it
 * half-way. Threads of one process share the process's turn.
 */
final class StoreLock {
    private static final Map<Path, StoreLock> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private FileChannel channel;
    private int holders;

    private StoreLock(Path file) {
        this.file = file;
    }

    static StoreLock of(Path file) {
        return LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), StoreLock::new);
    }

    /** @return whether this process now has its turn; {@code false} while another process has it */
    synchronized boolean tryAcquire() throws IOException {
        if (holders == 0) {
            FileChannel opened = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock taken;
            try {
                taken = opened.tryLock();
            } catch (IOException | RuntimeException e) {
                opened.close();
                throw e;
            }
            if (taken == null) {
                opened.close();
                return false;
            }
            channel = opened;
        }
        holders++;
        return true;
    }

    /**
     * Ends one holder's use. The last one runs {@code lastOut} before the lock is released, while
     * no other thread of this process and no other golive process can open the store.
     */
    synchronized void release(Runnable lastOut) {
        if (holders == 0) {
            throw new IllegalStateException("store lock " + file + " released more often than taken");
        }
        holders--;
        if (holders > 0) {
            return;
        }
        try {
            lastOut.run();
        } finally {
            FileChannel held = channel;
            channel = null;
            try {
                held.close(); // releases the lock
            } catch (IOException e) {
                // The process's exit releases it otherwise.
            }
        }
    }
}
