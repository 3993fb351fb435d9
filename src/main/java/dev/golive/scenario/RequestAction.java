package dev.golive.scenario;

import dev.golive.plan.Step;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private StepResult attempt(VirtualUser user, int depth) {
        Outgoing out;
        try {
            out = fixed != null ? fixed : RequestBuilder.build(step, user);
        } catch (StepFailure e) {
            return new StepResult("request", name, depth, 0, Duration.ZERO, e.getMessage(), null, null, Errors.SCRIPT);
        }
        List<Exchange> chain;
        try {
            chain = user.http.send(out, step.redirects(), readsBody || user.transcripts);
        } catch (IOException e) {
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
