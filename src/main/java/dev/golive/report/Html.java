package dev.golive.report;

/** Small helpers for writing self-contained HTML. */
public final class Html {
    private Html() {}

    /** A resource of this package as text, such as {@code uplot/uPlot.iife.min.js}. */
    static String resource(String name) {
        try (java.io.InputStream in = Html.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("golive is missing its resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
            h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em}
            table{border-collapse:collapse;width:100%}
            th,td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f4f4f4}
            .done{color:#1a7f37}.failed,.rejected,.in-doubt{color:#cf222e}.skipped,.cancelled{color:#777}
            .running,.ready{color:#0969da}
            pre{white-space:pre-wrap;margin:0;font-size:12px}
            .legend span{display:inline-block;margin-right:1.5em}
            .swatch{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}
            """;
}
