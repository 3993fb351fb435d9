package dev.golive.scenario;

import dev.golive.plan.Step;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * An HTTP request with its checks and saves. What does not change from one user to the next (the
 * name, a request without values, checks without values) is worked out once, not per request.
 */
final class RequestAction implements Action {
    private final Step.Request step;
    private final String name;
    /** The request as every user sends it, or null when it has values to fill in. */
    private final Outgoing fixed;
    /** The checks, or null when they have values to fill in. */
    private final List<Check> checks;
    /** Whether a check or a save reads the body of the response. */
    private final boolean readsBody;

    RequestAction(Step.Request step, Urls urls) {
        this.step = step;
        this.name = step.name() != null ? step.name() : step.method().toUpperCase() + " " + step.url();
        this.fixed = RequestBuilder.fixed(step, urls);
        this.checks = fixed(step.expect()) ? Check.of(step.expect(), text -> text) : null;
        this.readsBody = readsBody(step);
    }

    private static boolean fixed(Step.ResponseCheck expect) {
        List<String> texts = new ArrayList<>(expect.json().values());
        texts.addAll(expect.headers().values());
        texts.add(expect.contains());
        texts.add(expect.regex());
        return texts.stream().allMatch(Values::fixed);
    }

    private static boolean readsBody(Step.Request step) {
        Step.ResponseCheck expect = step.expect();
        boolean checks = expect.contains() != null
                || expect.regex() != null
                || !expect.json().isEmpty();
        return checks
                || step.save().values().stream().anyMatch(e -> !e.startsWith("header:") && !e.startsWith("cookie:"));
    }

    @Override
    public StepResult run(VirtualUser user, int depth) {
        return user.charge(attempt(user, depth));
    }

    /**
     * Starts the request without a thread waiting for its response, where the user has an open
     * plain connection to its origin and the step uploads no file: {@code then} takes the step's
     * result on the event loop (see {@link HttpUser#start}), or at once when the request cannot
     * be made.
     *
     * @return false when it cannot start so; nothing was sent, and {@link #run} sends it
     */
    boolean start(VirtualUser user, int depth, Executor threads, Consumer<StepResult> then) {
        if (user.transcripts || step.upload() != null) {
            return false;
        }
        Outgoing out;
        try {
            out = fixed != null ? fixed : RequestBuilder.build(step, user);
        } catch (StepFailure e) {
            then.accept(user.charge(unbuilt(e, depth)));
            return true;
        }
        return user.http.start(
                out,
                step.redirects(),
                readsBody,
                threads,
                (chain, failure) -> then.accept(
                        user.charge(failure != null ? failed(out, failure, user, depth) : result(chain, user, depth))));
    }

    private StepResult attempt(VirtualUser user, int depth) {
        Outgoing out;
        try {
            out = fixed != null ? fixed : RequestBuilder.build(step, user);
        } catch (StepFailure e) {
            return unbuilt(e, depth);
        }
        List<Exchange> chain;
        try {
            chain = user.http.send(out, step.redirects(), readsBody || user.transcripts);
        } catch (IOException e) {
            return failed(out, e, user, depth);
        }
        return result(chain, user, depth);
    }

    private StepResult unbuilt(StepFailure e, int depth) {
        return new StepResult("request", name, depth, 0, Duration.ZERO, e.getMessage(), null, null, Errors.SCRIPT);
    }

    private StepResult failed(Outgoing out, IOException e, VirtualUser user, int depth) {
        String why = out.method() + " " + out.uri() + ": " + e.getMessage();
        return new StepResult(
                "request",
                name,
                depth,
                0,
                Duration.ZERO,
                why,
                user.transcripts ? out.render() : null,
                null,
                Errors.of(e));
    }

    private StepResult result(List<Exchange> chain, VirtualUser user, int depth) {
        Exchange last = chain.getLast();
        Duration time = chain.size() == 1 ? last.time() : total(chain);
        Exchange measured = chain.size() == 1 ? last : new Exchange(last.request(), last.response(), time);
        Failure failure = verify(measured, user);
        return new StepResult(
                "request",
                name,
                depth,
                last.response().status(),
                time,
                failure == null ? null : failure.message(),
                user.transcripts ? requests(chain) : null,
                user.transcripts ? responses(chain) : null,
                failure == null ? null : failure.kind());
    }

    /** Checks first, then saves; the first problem is the step's failure. */
    private Failure verify(Exchange exchange, VirtualUser user) {
        try {
            for (Check check : checks != null ? checks : Check.of(step.expect(), user.values::fill)) {
                var failure = check.failure(exchange);
                if (failure.isPresent()) {
                    return new Failure(failure.get(), check instanceof StatusCheck ? Errors.STATUS : Errors.CHECK);
                }
            }
            if (step.save().isEmpty()) {
                return null;
            }
            for (Map.Entry<String, String> save : step.save().entrySet()) {
                String value = new Save(save.getKey(), save.getValue()).extract(exchange, user.http.cookies());
                user.values.put(save.getKey(), value);
            }
            return null;
        } catch (StepFailure | IllegalArgumentException e) {
            return new Failure(e.getMessage(), Errors.CHECK);
        }
    }

    private record Failure(String message, String kind) {}

    private static Duration total(List<Exchange> chain) {
        Duration sum = Duration.ZERO;
        for (Exchange e : chain) {
            sum = sum.plus(e.time());
        }
        return sum;
    }

    private static String requests(List<Exchange> chain) {
        return chain.stream().map(e -> e.request().render()).collect(Collectors.joining("\n"));
    }

    private static String responses(List<Exchange> chain) {
        List<String> out = new ArrayList<>();
        for (Exchange e : chain) {
            URI uri = e.request().uri();
            out.add((chain.size() > 1 ? "from " + uri + "\n" : "")
                    + e.response().render(e.time()));
        }
        return String.join("\n", out);
    }
}
