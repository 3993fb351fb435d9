package dev.golive.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One step of a scenario. A step is a request ({@code get:}, {@code post:}, {@code put:}, {@code
 * delete:}, {@code patch:} or {@code head:} with the URL), a pause ({@code think:}) or a group
 * measured as one ({@code transaction:} with its own {@code steps}).
 */
public sealed interface Step {
    Location location();

    /**
     * An HTTP request. URLs are relative to the environment's entry, absolute, or relative to an
     * http service of the environment ({@code service:api/health}).
     *
     * <p>Keys besides the method: {@code name}, {@code headers}, {@code query}, {@code form},
     * {@code json}, {@code body}, {@code upload} (a file sent as {@code multipart/form-data}, see
     * {@link Upload}), {@code expect}, {@code save} (name to expression: a JSON path {@code $.a.b},
     * {@code regex:...}, {@code header:Name} or {@code cookie:Name}), {@code redirects} (follow
     * redirects, default true). At most one of {@code form}, {@code json}, {@code body}, {@code
     * upload} is given.
     *
     * @param method GET, POST, PUT, DELETE, PATCH or HEAD
     * @param url the URL, may contain {@code ${name}}
     * @param name a display name, or null for method and URL
     * @param headers request headers
     * @param query query parameters
     * @param form form fields
     * @param json a JSON body, as JSON text, or null
     * @param body a raw body, or null
     * @param upload a file to send as {@code multipart/form-data}, or null
     * @param expect what the response must satisfy
     * @param save values to keep for later steps
     * @param redirects whether redirects are followed
     * @param location where the step is defined
     */
    record Request(
            String method,
            String url,
            String name,
            Map<String, String> headers,
            Map<String, String> query,
            Map<String, String> form,
            String json,
            String body,
            Upload upload,
            ResponseCheck expect,
            Map<String, String> save,
            boolean redirects,
            Location location)
            implements Step {
        public static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch", "head");

        /** How a URL relative to an http service of the environment starts: {@code service:api/health}. */
        public static final String SERVICE_PREFIX = "service:";

        public Request {
            headers = Maps.copy(headers);
            query = Maps.copy(query);
            form = Maps.copy(form);
            save = Maps.copy(save);
        }

        /** The http service a {@code service:NAME/path} URL names, or null for any other URL. */
        public String service() {
            if (!url.startsWith(SERVICE_PREFIX)) {
                return null;
            }
            String rest = url.substring(SERVICE_PREFIX.length());
            int end = 0;
            while (end < rest.length() && rest.charAt(end) != '/' && rest.charAt(end) != '?') {
                end++;
            }
            return rest.substring(0, end);
        }
    }

    /**
     * A file sent as {@code multipart/form-data}: {@code upload: { file: invoice.pdf, field:
     * document, type: application/pdf, fields: { note: "${x}" } }}.
     *
     * @param file the file, relative to the plan's directory; may contain {@code ${name}}
     * @param field the form field the file is sent as; {@code file} when not given
     * @param type the file's content type, or null to guess it from the file's extension
     * @param fields text fields sent with the file, before it; values may contain {@code ${name}}
     */
    record Upload(String file, String field, String type, Map<String, String> fields) {
        public Upload {
            if (file == null || file.isBlank() || field == null || field.isBlank()) {
                throw new IllegalArgumentException("an upload needs a file and a field");
            }
            fields = Maps.copy(fields);
        }
    }

    /**
     * A pause: {@code think: 2s}, or a uniform range {@code think: 1s..3s}.
     *
     * @param min the shortest pause
     * @param max the longest pause
     * @param location where the step is defined
     */
    record Think(Duration min, Duration max, Location location) implements Step {
        public Think {
            if (min == null || max == null || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("think needs min <= max");
            }
        }
    }

    /**
     * Steps measured as one business transaction: {@code transaction: login} with {@code steps}.
     *
     * @param name the transaction's name, used in targets and reports
     * @param steps its steps
     * @param location where the step is defined
     */
    record Transaction(String name, List<Step> steps, Location location) implements Step {
        public Transaction {
            steps = List.copyOf(steps);
        }
    }

    /**
     * What a response must satisfy. Keys: {@code status} (a code or a list; default any 2xx or
     * 3xx), {@code contains}, {@code regex}, {@code json} (JSON path to expected value), {@code
     * headers} (header name to expected value, or {@code regex:PATTERN}), {@code maxTime}, {@code
     * minSize} and {@code maxSize} (of the decompressed body).
     *
     * @param status accepted status codes; empty means 2xx and 3xx
     * @param contains text the body must contain, or null
     * @param regex a pattern the body must match, or null
     * @param json JSON paths and their expected values
     * @param headers header names and their expected values, or {@code regex:PATTERN}
     * @param maxTime the slowest acceptable response, or null
     * @param minSize the smallest acceptable body in bytes, or null
     * @param maxSize the largest acceptable body in bytes, or null
     */
    record ResponseCheck(
            List<Integer> status,
            String contains,
            String regex,
            Map<String, String> json,
            Map<String, String> headers,
            Duration maxTime,
            Long minSize,
            Long maxSize) {
        /** How an expected header value that is a pattern starts: {@code regex:^[0-9]+$}. */
        public static final String REGEX_PREFIX = "regex:";

        public ResponseCheck {
            status = List.copyOf(status);
            json = Maps.copy(json);
            headers = Maps.copy(headers);
            if (minSize != null && maxSize != null && minSize > maxSize) {
                throw new IllegalArgumentException("minSize must not be above maxSize");
            }
        }

        static ResponseCheck any() {
            return new ResponseCheck(List.of(), null, null, Map.of(), Map.of(), null, null, null);
        }
    }
}
