package dev.golive.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real systemd, Debian's, as PID 1 of its own PID, mount and cgroup namespaces on this machine,
 * private to a test. It shares the file system and the network, but has its own {@code /run}, its
 * own journal directory and its own branch of the cgroup tree, and it manages only the unit files
 * the test gives it (which should say {@code DefaultDependencies=no}, or starting them would pull in
 * this machine's own boot units). An OpenSSH server runs inside it, so golive reaches it the way an
 * operator reaches a host run by systemd: over SSH, with {@code systemctl} and {@code journalctl}.
 * Needs root, as creating namespaces and cgroups does.
 */
public final class SystemdBox implements AutoCloseable {
    private static final Path SYSTEMD = Path.of("/lib/systemd/systemd");
    private static final Path UNSHARE = Path.of("/usr/bin/unshare");
    private static final Path NSENTER = Path.of("/usr/bin/nsenter");
    private static final Path CGROUPS = Path.of("/sys/fs/cgroup");
    private static final long BOOT_TIMEOUT_MILLIS = 60_000;
    private static final AtomicInteger BOXES = new AtomicInteger();

    /*
     * Run as PID 1 of the new PID and mount namespaces. It gives the box its own /run (with the
     * units), journal directory and cgroup branch, then enters a cgroup namespace rooted at that
     * branch, mounts the cgroup file systems as seen from there, and becomes systemd.
     */
    private static final String BOOT = """
            set -e
            name=$1 units=$2
            mount --make-rprivate /
            mount -t proc proc /proc
            mount -t tmpfs -o mode=755 tmpfs /run
            mkdir -p /run/systemd/system /run/sshd
            cp "$units"/* /run/systemd/system/
            mkdir -p /var/log/journal
            mount -t tmpfs tmpfs /var/log/journal
            if [ -d /sys/fs/cgroup/systemd ]; then hierarchies="systemd unified"; else hierarchies=.; fi
            for h in $hierarchies; do
              mkdir "/sys/fs/cgroup/$h/$name"
              echo $$ > "/sys/fs/cgroup/$h/$name/cgroup.procs"
            done
            exec %1$s --cgroup /bin/bash -c '
              set -e
              if [ "$0" = "systemd unified" ]; then
                mount -t tmpfs -o mode=755 tmpfs /sys/fs/cgroup
                mkdir /sys/fs/cgroup/systemd /sys/fs/cgroup/unified
                mount -t cgroup -o none,name=systemd cgroup /sys/fs/cgroup/systemd
                mount -t cgroup2 cgroup2 /sys/fs/cgroup/unified
              else
                mount -t cgroup2 cgroup2 /sys/fs/cgroup
              fi
              export container=golive-test
              exec %2$s --system --unit=golive-test.target' "$hierarchies"
            """;

    private static final String TARGET = """
            [Unit]
            Description=A test's systemd: the journal and nothing else until the test starts its units
            DefaultDependencies=no
            Wants=systemd-journald.socket
            """;

    private final Path directory;
    private final String name;
    private final Process unshare;
    private final Thread stopAtExit;
    private long systemd;
    private SshServer sshd;

    private SystemdBox(Path directory, String name, Process unshare) {
        this.directory = directory;
        this.name = name;
        this.unshare = unshare;
        this.stopAtExit = new Thread(this::stop, "stop systemd in " + directory);
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /**
     * Boots systemd with {@code units} (file name to content) in {@code directory}, which it owns from
     * then on, and starts sshd inside it accepting the public half of {@code authorizedKey}.
     */
    public static SystemdBox start(Path directory, Map<String, String> units, Path authorizedKey) {
        for (Path program : List.of(SYSTEMD, UNSHARE, NSENTER)) {
            if (!Files.isExecutable(program)) {
                throw new AssertionError(program + " not found: apt-get install systemd util-linux");
            }
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new AssertionError("a test's own systemd needs root, to create namespaces and cgroups");
        }
        Path unitDir = directory.resolve("units");
        Path script = directory.resolve("boot.sh");
        try {
            Files.createDirectories(unitDir);
            Files.createDirectories(directory.resolve("sshd"));
            Files.writeString(unitDir.resolve("golive-test.target"), TARGET);
            for (Map.Entry<String, String> unit : units.entrySet()) {
                Files.writeString(unitDir.resolve(unit.getKey()), unit.getValue());
            }
            Files.writeString(script, BOOT.formatted(UNSHARE, SYSTEMD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = "golive-test-" + ProcessHandle.current().pid() + "-" + BOXES.incrementAndGet();
        Process process;
        try {
            process = new ProcessBuilder(
                            UNSHARE.toString(),
                            "--pid",
                            "--fork",
                            "--mount",
                            "/bin/bash",
                            script.toString(),
                            name,
                            unitDir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("boot.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + UNSHARE, e);
        }
        SystemdBox box = new SystemdBox(directory, name, process);
        try {
            box.boot(authorizedKey);
        } catch (RuntimeException | Error e) {
            box.close();
            throw e;
        }
        return box;
    }

    /** Waits for systemd to be up with nothing left to start, then starts sshd inside it. */
    private void boot(Path authorizedKey) {
        long deadline = System.currentTimeMillis() + BOOT_TIMEOUT_MILLIS;
        String state = "not started";
        while (System.currentTimeMillis() < deadline) {
            if (!unshare.isAlive()) {
                throw new IllegalStateException("systemd did not boot:\n" + bootLog());
            }
            if (systemd == 0) {
                systemd = unshare.toHandle()
                        .children()
                        .filter(p -> "systemd".equals(comm(p.pid())))
                        .mapToLong(ProcessHandle::pid)
                        .findFirst()
                        .orElse(0);
            }
            if (systemd != 0) {
                List<String> command = inside();
                command.addAll(List.of("systemctl", "is-system-running"));
                state = OsCommand.tryRun(command).output().strip();
                if (state.equals("running") || state.equals("degraded")) {
                    sshd = SshServer.start(
                            directory.resolve("sshd"), List.of(Path.of(authorizedKey + ".pub")), List.of(), inside());
                    return;
                }
            }
            SshServer.sleep(100, "systemd");
        }
        throw new IllegalStateException("systemd did not finish booting within 60 s (" + state + "):\n" + bootLog());
    }

    private static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "comm"))
                    .strip();
        } catch (IOException e) {
            return "";
        }
    }

    private String bootLog() {
        try {
            return Files.readString(directory.resolve("boot.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** systemd's PID as this machine sees it. */
    public long pid() {
        return systemd;
    }

    /** The sshd inside the box. */
    public SshServer sshd() {
        return sshd;
    }

    /** Runs {@code systemctl} inside the box and returns what it printed; fails on a non-zero exit. */
    public String systemctl(String... args) {
        List<String> command = inside();
        command.add("systemctl");
        command.addAll(List.of(args));
        return OsCommand.run(command);
    }

    /** Runs {@code systemctl} inside the box where a non-zero exit is expected now and then. */
    public void systemctlMayFail(String... args) {
        List<String> command = inside();
        command.add("systemctl");
        command.addAll(List.of(args));
        OsCommand.tryRun(command);
    }

    /** The unit's main PID as the box sees it, 0 when it runs none. */
    public long mainPid(String unit) {
        return Long.parseLong(
                systemctl("show", "-p", "MainPID", "--value", unit).strip());
    }

    private List<String> inside() {
        return new ArrayList<>(List.of(NSENTER.toString(), "-t", String.valueOf(systemd), "-m", "-p", "--"));
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running or has run
        }
    }

    private void stop() {
        if (sshd != null) {
            sshd.close();
        }
        // Killing a PID namespace's first process ends every process in it.
        if (systemd != 0) {
            ProcessHandle.of(systemd).ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().join();
            });
        }
        unshare.destroyForcibly();
        removeCgroups();
    }

    private void removeCgroups() {
        for (Path branch : List.of(
                CGROUPS.resolve("systemd").resolve(name),
                CGROUPS.resolve("unified").resolve(name),
                CGROUPS.resolve(name))) {
            if (!Files.isDirectory(branch)) {
                continue;
            }
            try (Stream<Path> tree = Files.walk(branch)) {
                // cgroups are removed with rmdir, innermost first; their control files go with them.
                tree.filter(Files::isDirectory)
                        .sorted(Comparator.reverseOrder())
                        .forEach(dir -> dir.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
