package dev.golive.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code save:} expression: a JSON path ({@code $.a.b}), {@code regex:PATTERN} (the first
 * group, or the whole match without groups), {@code header:Name} or {@code cookie:Name}.
 */
record Save(String name, String expression) {
    /** The value the response gives for this expression, or a failure saying why there is none. */
    String extract(Exchange exchange, CookieJar cookies) {
        Incoming response = exchange.response();
        String what = "save " + name + " (" + expression + ")";
        if (expression.startsWith("header:")) {
            String header = expression.substring("header:".length()).strip();
            return response.header(header)
                    .orElseThrow(() -> new StepFailure(what + ": the response has no header " + header));
        }
        if (expression.startsWith("cookie:")) {
            String cookie = expression.substring("cookie:".length()).strip();
            return cookies.value(cookie)
                    .orElseThrow(() -> new StepFailure(what + ": the user has no cookie " + cookie));
        }
        if (expression.startsWith("regex:")) {
            Matcher m = Pattern.compile(expression.substring("regex:".length())).matcher(response.text());
            if (!m.find()) {
                throw new StepFailure(what + ": no match in " + Bodies.quote(response));
            }
            return m.groupCount() > 0 ? m.group(1) : m.group();
        }
        if (expression.startsWith("$")) {
            var node = JsonPath.parse(expression).find(Bodies.json(response, what));
            if (node.isMissingNode() || node.isNull()) {
                throw new StepFailure(what + ": nothing at that path in " + Bodies.quote(response));
            }
            return JsonPath.text(node);
        }
        throw new StepFailure(what + ": unknown expression; write a JSON path ($.a.b), regex:PATTERN, "
                + "header:Name or cookie:Name");
    }
}
