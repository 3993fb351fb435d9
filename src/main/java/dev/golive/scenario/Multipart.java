package dev.golive.scenario;

import dev.golive.plan.Step;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code multipart/form-data} body (RFC 7578): the text fields of an upload, then its file.
 *
 * @param boundary the line between the parts
 * @param bytes the body as sent
 * @param shown the body as reports show it: the file's size in place of its bytes
 */
record Multipart(String boundary, byte[] bytes, String shown) {
    private static final String CRLF = "\r\n";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"),
            Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"),
            Map.entry("txt", "text/plain"),
            Map.entry("csv", "text/csv"),
            Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("webp", "image/webp"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    /** The upload with the user's values filled in and its file read from the plan's directory. */
    static Multipart of(Step.Upload upload, VirtualUser user) {
        String written = user.values.fill(upload.file());
        Path file = user.directory.resolve(written);
        byte[] content = read(file, written);
        String type = upload.type() != null ? user.values.fill(upload.type()) : type(file);
        // 128 random bits: no file or field holds this line by chance
        Writer body = new Writer("golive-" + HexFormat.of().toHexDigits(user.random.nextLong())
                + HexFormat.of().toHexDigits(user.random.nextLong()));
        upload.fields().forEach((name, value) -> body.text(name, user.values.fill(value)));
        body.file(upload.field(), file.getFileName().toString(), type, content, written);
        return body.end();
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    private static byte[] read(Path file, String written) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StepFailure("upload " + written + ": there is no file " + file
                    + " (upload files are relative to the plan's directory)");
        } catch (AccessDeniedException e) {
            throw new StepFailure("upload " + written + ": cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw new StepFailure("upload " + written + ": cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The content type of common extensions; anything else is sent as bytes. */
    private static String type(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    /** Writes the parts one after the other, and beside them the text that reports show. */
    private static final class Writer {
        private final String boundary;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final StringBuilder shown = new StringBuilder();

        Writer(String boundary) {
            this.boundary = boundary;
        }

        void text(String name, String value) {
            write("--" + boundary + CRLF + "Content-Disposition: form-data; name=\"" + quoted(name) + "\"" + CRLF + CRLF
                    + value + CRLF);
        }

        void file(String field, String fileName, String type, byte[] content, String written) {
            write("--" + boundary + CRLF + "Content-Disposition: form-data; name=\"" + quoted(field) + "\"; filename=\""
                    + quoted(fileName) + "\"" + CRLF + "Content-Type: " + type + CRLF + CRLF);
            bytes.writeBytes(content);
            shown.append("(")
                    .append(content.length)
                    .append(" bytes of ")
                    .append(written)
                    .append(")");
            write(CRLF);
        }

        Multipart end() {
            write("--" + boundary + "--" + CRLF);
            return new Multipart(boundary, bytes.toByteArray(), shown.toString().replace(CRLF, "\n"));
        }

        private void write(String text) {
            bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            shown.append(text);
        }
    }

    /** A name inside the quotes of a Content-Disposition, escaped the way browsers do. */
    private static String quoted(String name) {
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
