package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.golive.load.Distributed;
import dev.golive.scenario.UserThreads;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.AbstractNioChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void nettyMayReplaceTheSelectorsSetOfReadyKeysAndLooksForNoLeaksUnlessToldOtherwise() {
        Properties properties = new Properties();
        Main.tuneNetty(properties);
        assertThat(properties.getProperty(Main.REFLECTION)).isEqualTo("true");
        assertThat(properties.getProperty(Main.LEAK_DETECTION)).isEqualTo("disabled");

        Properties told = new Properties();
        told.setProperty(Main.REFLECTION, "false");
        told.setProperty(Main.LEAK_DETECTION, "paranoid");
        Main.tuneNetty(told);
        assertThat(told.getProperty(Main.REFLECTION)).isEqualTo("false");
        assertThat(told.getProperty(Main.LEAK_DETECTION)).isEqualTo("paranoid");
    }

    @Test
    void withWhatTheJarOpensNettyKeepsAnEventLoopsReadyKeysInAnArray() throws Exception {
        // The tests run as the jar and Main set up the JVM: sun.nio.ch open, the property set.
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        NioSocketChannel channel = new NioSocketChannel();
        try {
            group.register(channel).sync();
            assertThat(selectorOf(channel).selectedKeys().getClass().getName())
                    .isEqualTo("io.netty.channel.nio.SelectedSelectionKeySet");
        } finally {
            channel.close().sync();
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
        }
    }

    /** The selector the channel is registered with. */
    private static Selector selectorOf(NioSocketChannel channel) throws ReflectiveOperationException {
        Method key = AbstractNioChannel.class.getDeclaredMethod("selectionKey");
        key.setAccessible(true);
        return ((SelectionKey) key.invoke(channel)).selector();
    }

    @Test
    void theLauncherRunsALoadTestWithTheOptionsRemoteGeneratorsGet() throws Exception {
        String launcher = Files.readString(Path.of("golive"));
        Matcher load = Pattern.compile("(?m)^\\s*load \\| agent\\) options=\\(([^)]*)\\)")
                .matcher(launcher);
        assertThat(load.find()).as("the launcher's options for load and agent").isTrue();
        assertThat(List.of(load.group(1).trim().split("\\s+"))).isEqualTo(Distributed.JVM_OPTIONS);
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
