package dev.golive.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import dev.golive.scenario.ScenarioRunner;
import java.lang.management.ManagementFactory;
import java.util.Properties;

/** The {@code golive} command. */
public final class Main {
    /** The JDK reads it once, when it starts its first virtual thread. */
    static final String CARRIERS = "jdk.virtualThreadScheduler.parallelism";

    private Main() {}

    /** Netty reads it once, when it first looks at the JDK. */
    static final String REFLECTION = "io.netty.tryReflectionSetAccessible";
    /** Netty reads it once, when it makes its first buffer. */
    static final String LEAK_DETECTION = "io.netty.leakDetection.level";

    public static void main(String[] args) {
        tuneNetty(System.getProperties());
        sizeCarriers(args, System.getProperties(), Runtime.getRuntime().availableProcessors());
        if (generatesLoad(args)) {
            returnUnusedHeap();
        }
        System.exit(Golive.run(Context.system(), args));
    }

    /**
     * Before the first virtual thread: a load test, here or as a remote generator ({@code agent}),
     * gives its users the CPUs its event loops leave ({@link ScenarioRunner#carriers}), unless the
     * JVM was told otherwise. Other commands keep the JDK's default.
     */
    static void sizeCarriers(String[] args, Properties properties, int cpus) {
        if (generatesLoad(args) && properties.getProperty(CARRIERS) == null) {
            properties.setProperty(CARRIERS, String.valueOf(ScenarioRunner.carriers(cpus)));
        }
    }

    /**
     * Before Netty starts. Its event loops may keep a selector's ready keys in an array of their
     * own instead of the JDK's hash set, which saves iterating a hash set and an object per event
     * (a few percent of a load test's CPU): Netty does that by reflection into {@code sun.nio.ch},
     * which the jar's manifest opens to golive, when it is told it may; elsewhere it keeps the
     * JDK's set. And Netty looks for buffers its users forget to release by following one buffer
     * in 128 with a stack trace, hundreds a second in a load test: a tool for Netty's developers
     * (golive's tests run with it). An explicit setting of either wins.
     */
    static void tuneNetty(Properties properties) {
        if (properties.getProperty(REFLECTION) == null) {
            properties.setProperty(REFLECTION, "true");
        }
        if (properties.getProperty(LEAK_DETECTION) == null) {
            properties.setProperty(LEAK_DETECTION, "disabled");
        }
    }

    /** Whether the command is a load test, here or as a remote generator ({@code agent}). */
    static boolean generatesLoad(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return arg.equals("load") || arg.equals("agent");
            }
        }
        return false;
    }

    /**
     * The heap a load test's start commits (thousands of users connecting at once) is given back
     * once it is free: the collector keeps 10–30% of the heap free instead of its default 40–70%.
     * Both are JVM options that may change while it runs; one given on the command line wins.
     */
    static void returnUnusedHeap() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (vm.getVMOption("MinHeapFreeRatio").getOrigin() == VMOption.Origin.DEFAULT
                    && vm.getVMOption("MaxHeapFreeRatio").getOrigin() == VMOption.Origin.DEFAULT) {
                vm.setVMOption("MinHeapFreeRatio", "10"); // first: it may not exceed the maximum
                vm.setVMOption("MaxHeapFreeRatio", "30");
            }
        } catch (RuntimeException e) {
            // A JVM without these options runs the test with its own sizing.
        }
    }
}
