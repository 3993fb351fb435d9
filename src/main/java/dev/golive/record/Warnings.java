package dev.golive.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What the import cannot fix and a person should look at. */
final class Warnings {
    private Warnings() {}

    static List<String> of(List<Call> calls, List<HarEntry> entries) {
        List<String> out = new ArrayList<>();
        if (entries.stream().map(e -> e.response().text()).allMatch(Objects::isNull)) {
            out.add("the recording holds no response bodies, so no value could be traced to a response; "
                    + "save the HAR with content");
        }
        for (Call call : calls) {
            if (call.status() != null && call.status() >= 400) {
                out.add(call.display() + " was answered " + call.status() + " in the recording, and the step expects "
                        + call.status());
            }
            if (call.headers().entrySet().stream()
                    .anyMatch(h -> h.getKey().equalsIgnoreCase("Authorization")
                            && !call.replaced().containsKey(Place.header(h.getKey()))
                            && !call.replaced().containsKey(Place.credentials(h.getKey())))) {
                out.add(call.display() + " sends the recorded Authorization header; write it with ${secret:…} "
                        + "or save it from the response that hands it out");
            }
            HarEntry.Request r = call.first().request();
            if (r.url().contains("${")
                    || (r.body() != null && r.body().contains("${"))
                    || call.headers().values().stream().anyMatch(v -> v.contains("${"))) {
                out.add(call.display() + " sends text with '${', which golive reads as a reference to a value; "
                        + "edit the step");
            }
        }
        return out;
    }
}
