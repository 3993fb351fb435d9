package dev.golive.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a plan file and its includes into one tree. Named sections (environments, scenarios, …)
 * are united; a name defined twice is a problem. {@code checks} lists are joined in order. Other
 * top-level keys may be given once.
 */
final class Merge {
    private static final List<String> NAMED = List.of("environments", "scenarios", "loadtests", "drills", "runbooks");

    private Merge() {}

    static Node.Mapping documents(List<Node.Mapping> documents, Problems problems) {
        Map<String, Node.Entry> top = new LinkedHashMap<>();
        for (Node.Mapping doc : documents) {
            for (Node.Entry e : doc.entries().values()) {
                Node.Entry before = top.get(e.key());
                top.put(e.key(), before == null ? e : merge(before, e, problems));
            }
        }
        Node.Entry include =
                documents.isEmpty() ? null : documents.get(0).entries().get("include");
        if (include != null) {
            top.put("include", include);
        }
        return new Node.Mapping(top, documents.get(0).location());
    }

    private static Node.Entry merge(Node.Entry a, Node.Entry b, Problems problems) {
        if (a.key().equals("include")) {
            return a;
        }
        if (NAMED.contains(a.key()) && a.value() instanceof Node.Mapping ma && b.value() instanceof Node.Mapping mb) {
            Map<String, Node.Entry> entries = new LinkedHashMap<>(ma.entries());
            for (Node.Entry e : mb.entries().values()) {
                Node.Entry first = entries.putIfAbsent(e.key(), e);
                if (first != null) {
                    problems.add(
                            e.keyLocation(),
                            Paths.child(a.key(), e.key()),
                            "'" + e.key() + "' is defined twice; first at " + first.keyLocation());
                }
            }
            return new Node.Entry(a.key(), a.keyLocation(), new Node.Mapping(entries, ma.location()));
        }
        if (a.key().equals("checks")
                && a.value() instanceof Node.Sequence sa
                && b.value() instanceof Node.Sequence sb) {
            List<Node> items = new ArrayList<>(sa.items());
            items.addAll(sb.items());
            return new Node.Entry(a.key(), a.keyLocation(), new Node.Sequence(items, sa.location()));
        }
        problems.add(b.keyLocation(), a.key(), "'" + a.key() + "' is given twice; first at " + a.keyLocation());
        return a;
    }
}
