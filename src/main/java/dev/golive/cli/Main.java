package dev.golive.cli;

import dev.golive.scenario.ScenarioRunner;
import java.util.Properties;

/** The {@code golive} command. */
public final class Main {
    /** The JDK reads it once, when it starts its first virtual thread. */
    static final String CARRIERS = "jdk.virtualThreadScheduler.parallelism";

    private Main() {}

    public static void main(String[] args) {
        sizeCarriers(args, System.getProperties(), Runtime.getRuntime().availableProcessors());
        System.exit(Golive.run(Context.system(), args));
    }

    /**
     * Before the first virtual thread: a load test, here or as a remote generator ({@code agent}),
     * gives its users the CPUs its event loops leave ({@link ScenarioRunner#carriers}), unless the
     * JVM was told otherwise. Other commands keep the JDK's default.
     */
    static void sizeCarriers(String[] args, Properties properties, int cpus) {
        String command = null;
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                command = arg;
                break;
            }
        }
        if (("load".equals(command) || "agent".equals(command)) && properties.getProperty(CARRIERS) == null) {
            properties.setProperty(CARRIERS, String.valueOf(ScenarioRunner.carriers(cpus)));
        }
    }
}
