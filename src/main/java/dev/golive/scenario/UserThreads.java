package dev.golive.scenario;

import io.netty.channel.EventLoop;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The threads a load test runs its virtual users on: virtual threads that run on the event loop
 * that owns the user's connections, where the JDK allows it.
 *
 * <p>A user's exchange is then done by one thread from end to end, as in {@code wrk}: the loop
 * reads the response and runs the user's thread, which checks it, records it and writes the next
 * request, before the loop reads on. With the JDK's own scheduler the loop hands each response to
 * another thread, and the two wake each other up through the kernel twice per request.
 *
 * <p>The JDK has no public way yet to choose a virtual thread's scheduler; its own builder takes
 * one ({@code java.lang.ThreadBuilders.VirtualThreadBuilder(Executor)}, which its tests use), and
 * golive reaches it when {@code java.base/java.lang} is open to it (the launcher and the jar's
 * manifest open it). It is used only from Java 24 on, where a virtual thread that waits on a
 * monitor leaves its carrier: on Java 21 such a wait (Netty's futures wait so) would hold the
 * event loop itself. Anywhere else users run on the JDK's scheduler as before.
 */
public final class UserThreads implements AutoCloseable {
    private static final Constructor<?> BUILDER = builderOnScheduler();

    private final List<ExecutorService> executors = new ArrayList<>();

    UserThreads(List<EventLoop> loops) {
        if (BUILDER == null) {
            executors.add(Executors.newVirtualThreadPerTaskExecutor());
            return;
        }
        for (EventLoop loop : loops) {
            executors.add(Executors.newThreadPerTaskExecutor(onLoop(loop)));
        }
    }

    /** Whether users' threads run on the event loops. */
    public static boolean onEventLoops() {
        return BUILDER != null;
    }

    private static Constructor<?> builderOnScheduler() {
        if (Runtime.version().feature() < 24 || Boolean.getBoolean("golive.jdkScheduler")) {
            return null;
        }
        try {
            Constructor<?> c = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder")
                    .getDeclaredConstructor(Executor.class);
            c.setAccessible(true);
            return c;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not open to golive (java -jar without the manifest's Add-Opens), or gone.
            return null;
        }
    }

    private static ThreadFactory onLoop(EventLoop loop) {
        try {
            Thread.Builder.OfVirtual builder = (Thread.Builder.OfVirtual) BUILDER.newInstance(loop);
            return builder.name("golive-user-", 0).factory();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make virtual threads on " + loop, e);
        }
    }

    /** Where {@code user}'s code runs: a new virtual thread for each task, on the user's event loop. */
    public Executor of(ScenarioRunner.User user) {
        return executors.size() == 1 ? executors.get(0) : executors.get(user.loop() % executors.size());
    }

    /** Interrupts every user's thread: the test was stopped. */
    public void shutdownNow() {
        executors.forEach(ExecutorService::shutdownNow);
    }

    /** Takes no more tasks and waits until every user's thread has ended. */
    @Override
    public void close() {
        executors.forEach(ExecutorService::close);
    }
}
