package dev.golive.record;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One request and its response as the browser recorded it.
 *
 * @param index the position in the recording, in order of start
 * @param start when the browser started the request
 * @param time how long the request took, start to last byte
 * @param request what was sent
 * @param response what came back
 */
record HarEntry(int index, Instant start, Duration time, Request request, Response response) {
    HarEntry {
        time = time.isNegative() ? Duration.ZERO : time;
    }

    Instant end() {
        return start.plus(time);
    }

    HarEntry at(int position) {
        return new HarEntry(position, start, time, request, response);
    }

    /** A header of a request or response. */
    record Header(String name, String value) {}

    /**
     * @param method the HTTP method, upper case
     * @param url the absolute URL
     * @param headers the request headers, as sent
     * @param bodyType the MIME type of the body, or null
     * @param body the body as text, or null
     * @param params the form fields the recorder parsed from the body, raw
     */
    record Request(String method, String url, List<Header> headers, String bodyType, String body, List<Header> params) {
        Request {
            headers = List.copyOf(headers);
            params = List.copyOf(params);
        }
    }

    /**
     * @param status the status code; 0 when the browser got no response
     * @param headers the response headers
     * @param mimeType the MIME type of the body, or null
     * @param text the body as text, or null when the recording has none or it is binary
     */
    record Response(int status, List<Header> headers, String mimeType, String text) {
        Response {
            headers = List.copyOf(headers);
        }

        Optional<String> header(String name) {
            return Headers.first(headers, name);
        }

        List<String> all(String name) {
            return headers.stream()
                    .filter(h -> h.name().equalsIgnoreCase(name))
                    .map(Header::value)
                    .toList();
        }

        /** The media type without parameters, lower case; from the content, else the header. */
        String type() {
            String type = mimeType != null && !mimeType.isBlank()
                    ? mimeType
                    : header("Content-Type").orElse("");
            int semicolon = type.indexOf(';');
            return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        }
    }
}
