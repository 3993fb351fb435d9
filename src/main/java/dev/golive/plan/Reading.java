package dev.golive.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The context of one plan load: where problems go and how references are resolved. Its methods
 * turn nodes into values, report anything of the wrong shape, and return null (or an empty
 * value) so that reading can go on and find the next problem.
 */
final class Reading {
    final Problems problems;
    private final Interpolator interpolator;

    Reading(Problems problems, Interpolator interpolator) {
        this.problems = problems;
        this.interpolator = interpolator;
    }

    void problem(Location at, String path, String message) {
        problems.add(at, path, message);
    }

    Fields fields(Node node, String path) {
        if (node instanceof Node.Mapping map) {
            return new Fields(this, map, path);
        }
        if (!(node instanceof Node.Null)) {
            problem(node.location(), path, "expected a map of keys and values, found " + node.describe());
        }
        return new Fields(this, new Node.Mapping(java.util.Map.of(), node.location()), path);
    }

    /** A scalar's text with env and secret references resolved; null when not a scalar or not resolved. */
    String text(Node node, String path) {
        if (node instanceof Node.Scalar scalar) {
            return interpolator.apply(scalar.text(), scalar.location(), path, problems);
        }
        problem(node.location(), path, "expected a single value, found " + node.describe());
        return null;
    }

    /** A list's items; a single value stands for a list of one. */
    List<Node> items(Node node, String path) {
        if (node instanceof Node.Sequence seq) {
            return seq.items();
        }
        if (node instanceof Node.Null) {
            return List.of();
        }
        if (node instanceof Node.Mapping) {
            problem(node.location(), path, "expected a list, found a map");
            return List.of();
        }
        return List.of(node);
    }

    List<String> texts(Node node, String path) {
        List<String> out = new ArrayList<>();
        List<Node> items = items(node, path);
        for (int i = 0; i < items.size(); i++) {
            String text = text(items.get(i), items.size() == 1 ? path : Paths.index(path, i));
            if (text != null) {
                out.add(text);
            }
        }
        return out;
    }

    Duration duration(Node node, String path) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        Duration d = Values.duration(text);
        if (d == null) {
            problem(node.location(), path, Values.durationHint(text));
        }
        return d;
    }

    Double percent(Node node, String path) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        Double p = Values.percent(text);
        if (p == null) {
            problem(node.location(), path, Values.percentHint(text));
        }
        return p;
    }

    Double rate(Node node, String path) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        Double r = Values.rate(text);
        if (r == null) {
            problem(node.location(), path, Values.rateHint(text));
        }
        return r;
    }

    /** A size in bytes, see {@link Values#size(String)}. */
    Long size(Node node, String path) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        Long bytes = Values.size(text);
        if (bytes == null) {
            problem(node.location(), path, Values.sizeHint(text));
        }
        return bytes;
    }

    Long integer(Node node, String path, long min, long max) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        Long n = Values.integer(text);
        if (n == null) {
            problem(node.location(), path, "expected a whole number, found '" + text + "'");
        } else if (n < min || n > max) {
            problem(node.location(), path, "expected a number from " + min + " to " + max + ", found " + n);
            return null;
        }
        return n;
    }

    Boolean bool(Node node, String path) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                problem(node.location(), path, "expected true or false, found '" + text + "'");
                yield null;
            }
        };
    }

    /** One of a fixed set of words, with a suggestion when it is close to one. */
    String choice(Node node, String path, List<String> valid) {
        String text = text(node, path);
        if (text == null || valid.contains(text)) {
            return text;
        }
        String hint = Suggest.closest(text, valid);
        problem(
                node.location(),
                path,
                "unknown value '" + text + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                        + ", expected one of " + valid);
        return null;
    }
}
