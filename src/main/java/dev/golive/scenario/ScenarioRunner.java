package dev.golive.scenario;

import dev.golive.plan.Environment;
import dev.golive.plan.Plan;
import dev.golive.plan.Scenario;
import io.netty.buffer.AdaptiveByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.UncheckedIOException;
import java.nio.channels.spi.SelectorProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLException;

/**
 * Runs the scenarios of a plan against one environment. Safe to use from many threads; each
 * {@link User} from one thread at a time. Feeds are shared by all the runner's users, so a
 * {@code queue} feed hands each row out once across them, and a row is used by one user at a
 * time; scenarios that name the same file with the same mode share its rows.
 */
public final class ScenarioRunner implements AutoCloseable {
    private final Plan plan;
    private final Timeouts timeouts;
    private final Pause pause;
    private final RandomGenerator random;
    private final Network network;
    private final List<EventLoop> loops = new ArrayList<>();
    private final AtomicInteger nextLoop = new AtomicInteger();
    private final Urls urls;
    private final Path directory;
    private final Map<String, Feeder> feeders = new ConcurrentHashMap<>();
    private final Map<String, Steps> steps = new ConcurrentHashMap<>();
    private volatile boolean transcripts = true;
    private volatile int part;
    private volatile int parts = 1;

    public ScenarioRunner(Plan plan, Environment environment, Timeouts timeouts, Pause pause, RandomGenerator random) {
        this.plan = plan;
        this.timeouts = timeouts;
        this.pause = pause;
        this.random = random;
        this.urls = new Urls(environment);
        this.directory = plan.directory();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(
                eventLoops(Runtime.getRuntime().availableProcessors()),
                NioIoHandler.newFactory(SelectorProvider.provider(), PollBeforeBlocking::new));
        // Heap buffers wherever Netty asks for any buffer (the decoder's cumulation). Sockets are
        // read into one direct buffer per event loop (LoopReceiveBuffers); reading them into heap
        // buffers instead, to spare the decoder a view of the buffer per header line when Netty
        // may not use sun.misc.Unsafe (its default on Java 25), made no measurable difference.
        this.network = new Network(
                group,
                new AdaptiveByteBufAllocator(false),
                new LoopReceiveBuffers(),
                clientTls(environment.insecure()));
        group.forEach(loop -> loops.add((EventLoop) loop));
    }

    /**
     * One event loop per CPU when the users' threads run on the loops ({@link UserThreads}).
     * Otherwise the loops only read and decode responses (users write their requests themselves),
     * about half the work: one loop for two CPUs leaves the other to the users' threads, where one
     * per CPU had four threads switching on two CPUs.
     */
    static int eventLoops(int cpus) {
        return eventLoops(cpus, UserThreads.onEventLoops());
    }

    static int eventLoops(int cpus, boolean usersOnLoops) {
        return usersOnLoops ? cpus : Math.max(1, cpus / 2);
    }

    /**
     * The carrier threads the JDK's scheduler of virtual threads should get: the CPUs the event
     * loops leave, at least one. A carrier for every CPU beside them only parks and wakes up again
     * (on two CPUs that cost a third more CPU per request). With users on the loops, the JDK's
     * scheduler runs only golive's own bookkeeping.
     */
    public static int carriers(int cpus) {
        return carriers(cpus, UserThreads.onEventLoops());
    }

    static int carriers(int cpus, boolean usersOnLoops) {
        return Math.max(1, cpus - eventLoops(cpus, usersOnLoops));
    }

    /** Verifies certificates and host names, unless the environment is {@code insecure}. */
    private static SslContext clientTls(boolean insecure) {
        SslContextBuilder tls = SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS");
        if (insecure) {
            tls.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
        }
        try {
            return tls.build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * Steps from now on keep no text of their requests and responses, only the failure message:
     * what a load test wants, where rendering every exchange would cost more than sending it.
     */
    public ScenarioRunner withoutTranscripts() {
        transcripts = false;
        return this;
    }

    /**
     * This runner is part {@code index} (from 0) of {@code of} generators: its feeds hand out only
     * their share of the rows, so no row is used by two generators.
     */
    public ScenarioRunner part(int index, int of) {
        if (of < 1 || index < 0 || index >= of) {
            throw new IllegalArgumentException("part " + index + " of " + of);
        }
        part = index;
        parts = of;
        return this;
    }

    /** Runs the scenario once as a new virtual user, reporting each step as it finishes. */
    public ScenarioResult run(Scenario scenario, Consumer<StepResult> listener) {
        try (User user = user()) {
            return user.run(scenario, listener);
        }
    }

    /**
     * A new virtual user, to run scenarios again and again over the same connections. Users are
     * spread over the event loops in turn; a user's connections all belong to its loop.
     */
    public User user() {
        int loop = Math.floorMod(nextLoop.getAndIncrement(), loops.size());
        return new User(new HttpUser(network, loops.get(loop), timeouts), loop);
    }

    /** How long a request may wait for its response. */
    public Duration responseTimeout() {
        return timeouts.response();
    }

    /** The event loop {@code user}'s connections belong to. */
    EventLoop loop(User user) {
        return loops.get(user.loop());
    }

    /**
     * The threads to run users on, see {@link UserThreads}. Closed by the caller, before this
     * runner.
     */
    public UserThreads userThreads() {
        return new UserThreads(loops);
    }

    /**
     * A virtual user that keeps its keep-alive connections from one run to the next; each run
     * starts with no cookies and no values, like a new session. Used by one thread at a time.
     */
    public final class User implements AutoCloseable {
        private final HttpUser http;
        private final int loop;

        private User(HttpUser http, int loop) {
            this.http = http;
            this.loop = loop;
        }

        /** The index of the event loop its connections belong to. */
        int loop() {
            return loop;
        }

        /** Runs the scenario once; stops at the first failing step. */
        public ScenarioResult run(Scenario scenario, Consumer<StepResult> listener) {
            return run(scenario, listener, Duration.ZERO);
        }

        /**
         * Runs the scenario once, {@code lateness} after it was meant to start: the first step's
         * time, and so the time of the transactions around it, includes the lateness.
         */
        public ScenarioResult run(Scenario scenario, Consumer<StepResult> listener, Duration lateness) {
            Iteration iteration = new Iteration(scenario, listener, lateness, false);
            iteration.proceed();
            return iteration.result();
        }

        /**
         * Starts running the scenario once, like {@link #run(Scenario, Consumer, Duration)}, but
         * the iteration stops at each think time between its steps instead of waiting in it: the
         * caller calls {@link Iteration#proceed()} again when the think time is over. A load test
         * keeps thousands of users in their think times this way without a thread each.
         */
        public Iteration begin(Scenario scenario, Consumer<StepResult> listener, Duration lateness) {
            return new Iteration(scenario, listener, lateness, true);
        }

        /** One run of a scenario by this user, see {@link #begin}. */
        public final class Iteration {
            private final String scenario;
            private final List<Action> actions;
            private final List<StepResult> results = new ArrayList<>();
            private final VirtualUser user;
            private final boolean detached;
            private Feeder.Lease row;
            private int next;
            private boolean ended;
            private ThinkAction thinking;
            private Duration thought;
            private long thinkingSince;
            /** Runs the iteration on when a request started without waiting has its result. */
            private Runnable resume;
            /** Where a request that cannot go without waiting continues. */
            private Executor threads;

            private boolean waiting;
            private boolean needsThread;
            /** Whether a request is being started: a result that comes meanwhile is taken by {@link #steps()}. */
            private boolean starting;

            private StepResult startedWith;
            /** What went wrong taking a request's result on the event loop, thrown where the iteration goes on. */
            private RuntimeException broken;

            private Iteration(Scenario scenario, Consumer<StepResult> listener, Duration lateness, boolean detached) {
                http.forgetCookies();
                this.scenario = scenario.name();
                this.actions = actions(scenario);
                this.detached = detached;
                this.user = new VirtualUser(http, urls, directory, pause, random, transcripts, r -> {
                    results.add(r);
                    listener.accept(r);
                });
                user.startedLate(lateness);
                if (scenario.feed() != null) {
                    row = lease(scenario, user);
                    if (row == null) {
                        ended = true;
                    } else {
                        user.values.putAll(row.row());
                    }
                }
            }

            /**
             * Runs steps until the scenario ends, or until a think time between its steps when
             * the iteration was begun with {@link #begin}.
             *
             * @return when that think time is over (as {@link System#nanoTime()}), meaningless
             *     once the iteration has {@link #ended()}
             */
            public long proceed() {
                try {
                    return steps();
                } catch (RuntimeException | Error e) {
                    end();
                    throw e;
                }
            }

            /**
             * Lets requests go without a thread waiting for their responses, where they can (see
             * {@link RequestAction#start}): {@link #proceed()} then returns at such a request, with
             * {@link #waiting()} true, and {@code resume} runs on the event loop once its result
             * is in, to call {@link #proceed()} again. A step that needs a thread to wait on is
             * not run on the event loop: {@link #proceed()} returns with {@link #needsThread()}
             * true, to be called again on a thread of {@code threads}.
             */
            public Iteration resumedBy(Executor threads, Runnable resume) {
                this.threads = threads;
                this.resume = resume;
                return this;
            }

            /** Whether the iteration waits for a request's response (see {@link #resumedBy}). */
            public boolean waiting() {
                return waiting;
            }

            /** Whether the iteration stopped at a step that must run on a thread (see {@link #resumedBy}). */
            public boolean needsThread() {
                return needsThread;
            }

            /** Starts the request without waiting; its result when it came at once, else null. */
            private StepResult start(RequestAction request) {
                starting = true;
                startedWith = null;
                boolean started;
                try {
                    started = request.start(user, 0, threads, this::requested);
                } finally {
                    starting = false;
                }
                StepResult now = startedWith;
                startedWith = null;
                waiting = started && now == null;
                return now;
            }

            /** Takes the result of a request started without waiting, and runs the iteration on. */
            private void requested(StepResult result) {
                if (starting) {
                    startedWith = result;
                    return;
                }
                try {
                    next++;
                    user.report(result);
                    ended = !result.passed();
                } catch (RuntimeException e) {
                    broken = e;
                }
                resume.run();
            }

            private long steps() {
                waiting = false;
                needsThread = false;
                if (broken != null) {
                    RuntimeException e = broken;
                    broken = null;
                    throw e;
                }
                if (thinking != null) {
                    StepResult result = thinking.ended(user, 0, thought, thinkingSince);
                    thinking = null;
                    next++;
                    user.report(result);
                }
                while (!ended && next < actions.size()) {
                    Action step = actions.get(next);
                    if (detached && step instanceof ThinkAction think) {
                        thinking = think;
                        thought = think.length(user);
                        thinkingSince = System.nanoTime();
                        return thinkingSince + thought.toNanos();
                    }
                    StepResult result = null;
                    if (resume != null) {
                        if (step instanceof RequestAction request) {
                            result = start(request);
                            if (waiting) {
                                return 0;
                            }
                        }
                        if (result == null && !Thread.currentThread().isVirtual()) {
                            needsThread = true;
                            return 0;
                        }
                    }
                    if (result == null) {
                        result = step.run(user, 0);
                    }
                    next++;
                    user.report(result);
                    ended = !result.passed();
                }
                end();
                return 0;
            }

            /** Whether the scenario has run to its end or to a failed step. */
            public boolean ended() {
                return ended;
            }

            /** Whether every step run so far passed. */
            public boolean passed() {
                for (int i = 0; i < results.size(); i++) {
                    if (!results.get(i).passed()) {
                        return false;
                    }
                }
                return true;
            }

            /** The steps run so far. */
            public ScenarioResult result() {
                return new ScenarioResult(scenario, results);
            }

            /** Gives the iteration up where it is (the test is over): its feed row is free again. */
            public void abandon() {
                end();
            }

            private void end() {
                ended = true;
                if (row != null) {
                    row.release();
                    row = null;
                }
            }
        }

        /**
         * Closes the user's connections from its event loop, where its code runs between
         * requests: a request waiting without a thread (see {@link Iteration#resumedBy}) then
         * fails at once. For a test that was stopped.
         */
        public void abort() {
            try {
                loops.get(loop).execute(http::close);
            } catch (RejectedExecutionException e) {
                // The loops are gone, and the connections with them.
            }
        }

        @Override
        public void close() {
            http.close();
        }
    }

    /** A scenario's steps, ready to run: made once and shared by every user. */
    private record Steps(Scenario scenario, List<Action> actions) {}

    private List<Action> actions(Scenario scenario) {
        Steps known = steps.get(scenario.name());
        if (known != null && known.scenario() == scenario) {
            return known.actions();
        }
        List<Action> actions =
                scenario.steps().stream().map(s -> Action.of(s, urls)).toList();
        steps.put(scenario.name(), new Steps(scenario, actions));
        return actions;
    }

    /** The user's row of the scenario's feed, or null when there is none for it (reported as a failed step). */
    private Feeder.Lease lease(Scenario scenario, VirtualUser user) {
        String name = "feed " + scenario.feed().file();
        try {
            return feeder(scenario).take();
        } catch (StepFailure | UncheckedIOException e) {
            user.report(new StepResult("feed", name, 0, 0, Duration.ZERO, e.getMessage(), null, null, Errors.SCRIPT));
            return null;
        }
    }

    private Feeder feeder(Scenario scenario) {
        Path file = directory.resolve(scenario.feed().file()).normalize();
        String mode = scenario.feed().mode();
        return feeders.computeIfAbsent(mode + " " + file, k -> Feeder.open(file, mode, random, part, parts));
    }

    @Override
    public void close() {
        network.loops()
                .shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS)
                .awaitUninterruptibly();
    }
}
