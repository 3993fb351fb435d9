package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.golive.scenario.UserThreads;
import java.lang.management.ManagementFactory;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MainTest {
    private static Properties sized(int cpus, String... args) {
        Properties properties = new Properties();
        Main.sizeCarriers(args, properties, cpus);
        return properties;
    }

    @Test
    void aLoadTestOrAGeneratorGivesTheJdksSchedulerTheCpusTheEventLoopsLeave() {
        // Users run on the event loops (the tests open java.lang as the jar does): one loop per CPU.
        assertThat(UserThreads.onEventLoops()).isTrue();
        assertThat(sized(2, "load", "prod", "peak").getProperty(Main.CARRIERS)).isEqualTo("1");
        assertThat(sized(8, "agent", "prod", "peak", "--part", "1/2").getProperty(Main.CARRIERS))
                .isEqualTo("1");
        assertThat(sized(3, "--stacktrace", "load", "prod", "peak").getProperty(Main.CARRIERS))
                .isEqualTo("1");
    }

    @Test
    void aLoadTestKeepsLessOfItsHeapFree() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String min = vm.getVMOption("MinHeapFreeRatio").getValue();
        String max = vm.getVMOption("MaxHeapFreeRatio").getValue();
        try {
            Main.returnUnusedHeap();

            assertThat(vm.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo("10");
            assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("30");
        } finally {
            vm.setVMOption("MaxHeapFreeRatio", max);
            vm.setVMOption("MinHeapFreeRatio", min);
        }
    }

    @Test
    void otherCommandsAndAnExplicitSettingAreLeftAlone() {
        assertThat(sized(8, "check", "prod").getProperty(Main.CARRIERS)).isNull();
        assertThat(sized(8, "smoke", "load").getProperty(Main.CARRIERS)).isNull();
        Properties told = new Properties();
        told.setProperty(Main.CARRIERS, "6");
        Main.sizeCarriers(new String[] {"load", "prod", "peak"}, told, 8);
        assertThat(told.getProperty(Main.CARRIERS)).isEqualTo("6");
    }
}
