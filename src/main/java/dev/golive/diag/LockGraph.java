package dev.golive.diag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who holds and who waits for each lock of one dump. Monitors are held by the threads that print
 * {@code - locked} for them (but not while they wait on them in {@code Object.wait}); java.util.concurrent
 * locks by the threads that list them under {@code Locked ownable synchronizers}. The JVM's own
 * deadlock section and VisualVM's {@code owned by} add holders a dump printed without {@code -l}
 * would not show.
 */
final class LockGraph {
    private final ThreadDump dump;
    private final Map<String, Integer> holders = new HashMap<>();
    private final Lock[] waitsFor;
    private final Map<String, List<Integer>> waiters = new LinkedHashMap<>();
    private final Map<String, Integer> byName = new HashMap<>();

    LockGraph(ThreadDump dump) {
        this.dump = dump;
        List<DumpThread> threads = dump.threads();
        this.waitsFor = new Lock[threads.size()];
        for (int i = threads.size() - 1; i >= 0; i--) {
            byName.put(threads.get(i).name(), i);
        }
        for (int i = 0; i < threads.size(); i++) {
            holds(i, threads.get(i));
        }
        fromJvmDeadlocks();
        for (int i = 0; i < threads.size(); i++) {
            Lock lock = waitsFor[i] != null ? waitsFor[i] : waited(threads.get(i));
            if (lock != null) {
                waitsFor[i] = lock;
                waiters.computeIfAbsent(lock.id(), id -> new ArrayList<>()).add(i);
            }
        }
    }

    ThreadDump dump() {
        return dump;
    }

    DumpThread thread(int index) {
        return dump.threads().get(index);
    }

    /** The index of the thread holding the lock, or -1 when no thread of the dump shows it. */
    int holder(String lockId) {
        return holders.getOrDefault(lockId, -1);
    }

    /** The lock the thread is blocked or parked on, or null. */
    Lock waitsFor(int thread) {
        return waitsFor[thread];
    }

    /** Each lock with waiters, in the order first seen, and its waiters. */
    Map<String, List<Integer>> waiters() {
        return waiters;
    }

    /** The thread whose lock the given one waits for, or -1. */
    int next(int thread) {
        Lock lock = waitsFor[thread];
        return lock == null ? -1 : holder(lock.id());
    }

    /** The cycles of threads each waiting for a lock the next one holds: the deadlocks. */
    List<List<Integer>> cycles() {
        int n = waitsFor.length;
        int[] walk = new int[n];
        List<List<Integer>> cycles = new ArrayList<>();
        for (int start = 0; start < n; start++) {
            int t = start;
            while (t >= 0 && walk[t] == 0) {
                walk[t] = start + 1;
                t = next(t);
            }
            if (t >= 0 && walk[t] == start + 1) {
                List<Integer> cycle = new ArrayList<>();
                for (int c = t; cycle.isEmpty() || c != t; c = next(c)) {
                    cycle.add(c);
                }
                cycles.add(cycle);
            }
        }
        return cycles;
    }

    /** The threads that wait, directly or through others, for a thread of the given set, outside it. */
    List<Integer> behind(Set<Integer> threads) {
        List<Integer> behind = new ArrayList<>();
        for (int i = 0; i < waitsFor.length; i++) {
            Set<Integer> seen = new HashSet<>();
            for (int t = next(i); t >= 0 && seen.add(t); t = next(t)) {
                if (threads.contains(t)) {
                    if (!threads.contains(i)) {
                        behind.add(i);
                    }
                    break;
                }
            }
        }
        return behind;
    }

    private void holds(int index, DumpThread t) {
        Set<String> waitingOn = new HashSet<>();
        for (LockLine l : t.locks()) {
            if (l.kind() == LockLine.Kind.WAITING_ON || l.kind() == LockLine.Kind.WAITING_TO_RELOCK) {
                waitingOn.add(l.lock().id());
            }
        }
        for (LockLine l : t.locks()) {
            if (l.kind() == LockLine.Kind.LOCKED && !waitingOn.contains(l.lock().id())) {
                holders.putIfAbsent(l.lock().id(), index);
            }
            if (l.owner() != null && byName.containsKey(l.owner())) {
                holders.putIfAbsent(l.lock().id(), byName.get(l.owner()));
            }
        }
        for (Lock l : t.synchronizers()) {
            holders.putIfAbsent(l.id(), index);
        }
    }

    private void fromJvmDeadlocks() {
        for (JvmDeadlock d : dump.jvmDeadlocks()) {
            for (JvmDeadlock.Link link : d.links()) {
                Integer holder = byName.get(link.heldBy());
                Integer waiter = byName.get(link.thread());
                if (holder != null) {
                    holders.putIfAbsent(link.lock().id(), holder);
                }
                if (waiter != null) {
                    waitsFor[waiter] = link.lock();
                }
            }
        }
    }

    /** The lock a thread waits to acquire: a monitor it is BLOCKED on, or a lock it is parked on. */
    private Lock waited(DumpThread t) {
        for (LockLine l : t.locks()) {
            switch (l.kind()) {
                case WAITING_TO_LOCK, WAITING_TO_RELOCK -> {
                    if (t.state() == ThreadState.BLOCKED || t.state() == ThreadState.UNKNOWN) {
                        return l.lock();
                    }
                }
                case PARKING -> {
                    if (lockLike(l.lock())) {
                        return l.lock();
                    }
                }
                default -> {}
            }
        }
        return null;
    }

    /** A synchronizer that works as a lock (held by one thread), not a condition, queue or latch. */
    private boolean lockLike(Lock lock) {
        String c = lock.className();
        if (c.contains("ConditionObject") || c.contains("CountDownLatch")) {
            return false;
        }
        return holders.containsKey(lock.id()) || c.endsWith("Sync") || c.contains("Lock");
    }
}
