package dev.golive.scenario;

import dev.golive.plan.Environment;
import dev.golive.plan.Service;
import dev.golive.plan.ServiceKind;
import dev.golive.plan.Step;
import java.net.URI;
import java.util.List;

/**
 * Where a step's URL points: an absolute URL as it is, {@code service:NAME/path} at an http
 * service of the environment, anything else at the environment's entry.
 */
record Urls(Environment environment, java.util.Map<String, URI> known) {
    /** How many resolved URLs are kept: a URL that changes with every user's values is not. */
    private static final int KEEP = 10_000;

    Urls(Environment environment) {
        this(environment, new java.util.concurrent.ConcurrentHashMap<>());
    }

    URI resolve(String url) {
        URI done = known.get(url);
        if (done != null) {
            return done;
        }
        URI uri = resolveAnew(url);
        if (known.size() < KEEP) {
            known.put(url, uri);
        }
        return uri;
    }

    private URI resolveAnew(String url) {
        if (url.startsWith("http://") || url.startsWith("https://")) {
            return uri(url);
        }
        if (url.startsWith(Step.Request.SERVICE_PREFIX)) {
            return service(url);
        }
        if (environment.entry() == null) {
            throw new StepFailure("cannot request '" + url
                    + "': the environment has no entry; give it `entry:` or use an absolute URL");
        }
        return uri(join(environment.entry(), url));
    }

    private URI service(String url) {
        String rest = url.substring(Step.Request.SERVICE_PREFIX.length());
        int end = 0;
        while (end < rest.length() && rest.charAt(end) != '/' && rest.charAt(end) != '?') {
            end++;
        }
        String name = rest.substring(0, end);
        Service service = environment.services().get(name);
        if (service == null || service.kind() != ServiceKind.HTTP) {
            List<String> http = environment.services().values().stream()
                    .filter(s -> s.kind() == ServiceKind.HTTP)
                    .map(Service::name)
                    .toList();
            throw new StepFailure("cannot request '" + url + "': environment " + environment.name()
                    + " has no http service '" + name + "'; "
                    + (http.isEmpty() ? "it has none" : "it has " + http));
        }
        String base = service.setting("url").orElseThrow();
        String path = rest.substring(end);
        return uri(path.isEmpty() ? base : join(base, path));
    }

    /** {@code https://shop.example/app} and {@code /cart} make {@code https://shop.example/app/cart}. */
    private static String join(String base, String path) {
        String start = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return start + (path.startsWith("/") ? path : "/" + path);
    }

    private static URI uri(String text) {
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new StepFailure("bad URL '" + text + "': " + e.getMessage());
        }
    }
}
