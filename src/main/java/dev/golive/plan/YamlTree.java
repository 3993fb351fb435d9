package dev.golive.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a {@link Node} tree that keeps the location of every key and value. The
 * streaming parser is used rather than data binding because binding forgets where values were.
 */
final class YamlTree {
    private static final int MAX_DEPTH = 64;

    private final YAMLFactory factory = YAMLFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    /** Parses one document; syntax errors become problems and yield null. */
    Node parse(Path file, String text, Problems problems) {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Node.Null(new Location(file, 1, 1));
            }
            Node root = read(parser, file, problems, "");
            if (parser.nextToken() != null) {
                problems.add(
                        location(file, parser.currentTokenLocation()),
                        "",
                        "a plan file holds one YAML document; "
                                + "put the next one in a file of its own and include it");
            }
            return root;
        } catch (IOException | RuntimeException e) {
            problems.add(errorLocation(file, e), "", "not valid YAML: " + message(e));
            return null;
        }
    }

    private Node read(JsonParser parser, Path file, Problems problems, String path) throws IOException {
        Location here = location(file, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        if (parser instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml && yaml.isCurrentAlias()) {
            problems.add(
                    here,
                    path,
                    "YAML aliases (*" + parser.getText() + ") are not supported in plans: write the "
                            + "value out, or share it through an include");
            return new Node.Null(here);
        }
        return switch (token) {
            case START_OBJECT -> readMap(parser, file, problems, path, here);
            case START_ARRAY -> readList(parser, file, problems, path, here);
            case VALUE_NULL -> new Node.Null(here);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
                new Node.Scalar(parser.getText(), true, here);
            default -> new Node.Scalar(parser.getText(), false, here);
        };
    }

    private Node readMap(JsonParser parser, Path file, Problems problems, String path, Location here)
            throws IOException {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Location keyLocation = location(file, parser.currentTokenLocation());
            parser.nextToken();
            String childPath = Paths.child(path, key);
            Node value = read(parser, file, problems, childPath);
            Node.Entry previous = entries.putIfAbsent(key, new Node.Entry(key, keyLocation, value));
            if (previous != null) {
                problems.add(
                        keyLocation,
                        childPath,
                        "duplicate key '" + key + "', first given at line "
                                + previous.keyLocation().line());
            }
        }
        return new Node.Mapping(entries, here);
    }

    private Node readList(JsonParser parser, Path file, Problems problems, String path, Location here)
            throws IOException {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(read(parser, file, problems, path + "[" + items.size() + "]"));
        }
        return new Node.Sequence(items, here);
    }

    private static Location location(Path file, JsonLocation at) {
        return new Location(file, at.getLineNr(), at.getColumnNr());
    }

    private static Location errorLocation(Path file, Exception e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
            return location(file, jpe.getLocation());
        }
        return new Location(file, 1, 1);
    }

    /** SnakeYAML's own words: what is wrong, and what it was reading, which may have begun lines earlier. */
    private static String message(Exception e) {
        if (e.getCause() instanceof MarkedYAMLException y && y.getProblem() != null) {
            if (y.getContext() == null || y.getContextMark() == null) {
                return y.getProblem();
            }
            return y.getProblem() + " (" + y.getContext() + " that began at line "
                    + (y.getContextMark().getLine() + 1) + ")";
        }
        return firstLine(e.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse(message).strip();
        int at = line.indexOf(" at [Source");
        return at > 0 ? line.substring(0, at) : line;
    }
}
