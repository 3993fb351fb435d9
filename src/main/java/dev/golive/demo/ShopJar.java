package dev.golive.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.Deflater;

/**
 * The shop as its build server makes it: one runnable jar, {@code java -jar shop.jar --config
 * FILE}, with the shop's classes and the database driver, and in its manifest the version
 * ({@code Implementation-Version}) and how the price cache is refreshed ({@code
 * Shop-Price-Refresh}). Every build of a version has the same bytes.
 */
final class ShopJar {
    /** The artifact's name: the same in every release, so each one replaces the one before. */
    static final String NAME = "shop.jar";

    static final String PRICE_REFRESH = "Shop-Price-Refresh";

    // A fixed time for every entry: a build made again is the same bytes, as a version must be.
    private static final long BUILT = 1_767_225_600_000L;

    private ShopJar() {}

    /** Writes the jar of {@code version} to {@code file}; {@code priceRefresh} is {@code in-request} or {@code background}. */
    static void write(Path file, String version, String priceRefresh) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, ShopServer.class.getName());
        main.put(Attributes.Name.IMPLEMENTATION_TITLE, "demo-shop");
        main.put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        main.putValue(PRICE_REFRESH, priceRefresh);
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file);
                    JarOutputStream jar = new JarOutputStream(out)) {
                jar.setLevel(Deflater.BEST_SPEED);
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                manifest.write(text);
                add(jar, JarFile.MANIFEST_NAME, text.toByteArray());
                String shop = ShopServer.class.getName().replace('.', '/');
                copy(
                        jar,
                        ShopServer.class,
                        "dev/golive/demo",
                        n -> n.equals(shop + ".class") || n.startsWith(shop + "$"));
                copy(jar, org.h2.Driver.class, "org/h2", n -> true);
                add(jar, "META-INF/services/java.sql.Driver", "org.h2.Driver\n".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies the files below {@code directory} of the jar or class directory {@code anchor} was
     * loaded from, those whose names are chosen.
     */
    private static void copy(JarOutputStream jar, Class<?> anchor, String directory, Predicate<String> chosen)
            throws IOException {
        Path from;
        try {
            from = Path.of(
                    anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot tell where " + anchor.getName() + " was loaded from", e);
        }
        if (Files.isDirectory(from)) {
            copyTree(jar, from, directory, chosen);
            return;
        }
        try (FileSystem zip = FileSystems.newFileSystem(from)) {
            copyTree(jar, zip.getPath("/"), directory, chosen);
        }
    }

    private static void copyTree(JarOutputStream jar, Path root, String directory, Predicate<String> chosen)
            throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(root.resolve(directory))) {
            files = all.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String name = root.relativize(f).toString().replace('\\', '/');
            if (chosen.test(name)) {
                add(jar, name, Files.readAllBytes(f));
            }
        }
    }

    private static void add(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setTime(BUILT);
        jar.putNextEntry(entry);
        jar.write(bytes);
        jar.closeEntry();
    }
}
