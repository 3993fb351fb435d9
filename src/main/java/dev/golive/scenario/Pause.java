package dev.golive.scenario;

import java.time.Duration;

/** How a virtual user waits for think time; tests give one that does not sleep. */
@FunctionalInterface
public interface Pause {
    void pause(Duration duration) throws InterruptedException;

    /** Really waits. */
    static Pause sleeping() {
        return d -> Thread.sleep(d);
    }
}
