package dev.golive.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {
    @Test
    void portsLieOutsideTheKernelsOwnRangeAreNeverGivenTwiceAndCanBeBound() throws Exception {
        int[] range = Ports.range();
        Set<Integer> given = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            given.add(Ports.free("127.0.0.1", "127.0.0.2"));
        }

        assertThat(given).hasSize(200).allMatch(p -> p >= range[0] && p < range[1]);
        try (ServerSocket kernels = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int kernel = kernels.getLocalPort();
            assertThat(kernel < range[0] || kernel >= range[1])
                    .as("the kernel's port %d", kernel)
                    .isTrue();
        }
        int port = Ports.free("127.0.0.2");
        try (ServerSocket bound = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.2"))) {
            assertThat(bound.getLocalPort()).isEqualTo(port);
        }
    }
}
