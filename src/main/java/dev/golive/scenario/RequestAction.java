package dev.golive.scenario;

import dev.golive.plan.Step;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An HTTP request with its checks and saves. */
record RequestAction(Step.Request step) implements Action {
    @Override
    public StepResult run(VirtualUser user, int depth) {
        return user.charge(attempt(user, depth));
    }

    private StepResult attempt(VirtualUser user, int depth) {
        String name = step.name() != null ? step.name() : step.method().toUpperCase() + " " + step.url();
        Outgoing out;
        try {
            out = RequestBuilder.build(step, user);
        } catch (StepFailure e) {
            return new StepResult("request", name, depth, 0, Duration.ZERO, e.getMessage(), null, null, Errors.SCRIPT);
        }
        List<Exchange> chain;
        try {
            chain = user.http.send(out, step.redirects());
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
        Duration time = chain.stream().map(Exchange::time).reduce(Duration.ZERO, Duration::plus);
        Exchange measured = new Exchange(last.request(), last.response(), time);
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
            for (Check check : Check.of(step.expect(), user.values::fill)) {
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
