package dev.golive.record;

import java.util.Locale;
import java.util.Set;

/**
 * What a browser fetches by itself to show a page: scripts, styles, images, fonts and the like.
 * A scenario measures the application, so these are left out unless asked for; a CDN or the
 * browser's cache serves most of them anyway.
 */
final class StaticResources {
    private static final Set<String> EXTENSIONS = Set.of(
            "js",
            "mjs",
            "css",
            "map",
            "png",
            "jpg",
            "jpeg",
            "gif",
            "svg",
            "ico",
            "webp",
            "avif",
            "bmp",
            "woff",
            "woff2",
            "ttf",
            "otf",
            "eot",
            "wasm",
            "mp4",
            "webm",
            "mp3",
            "ogg",
            "wav",
            "webmanifest");
    private static final Set<String> TYPES = Set.of(
            "text/css",
            "text/javascript",
            "application/javascript",
            "application/x-javascript",
            "application/ecmascript",
            "text/ecmascript",
            "application/wasm",
            "application/manifest+json",
            "application/vnd.ms-fontobject",
            "application/font-woff",
            "application/font-woff2",
            "application/x-font-ttf",
            "application/x-font-otf",
            "application/x-font-woff");
    private static final Set<String> TYPE_FAMILIES = Set.of("image/", "font/", "audio/", "video/");

    private StaticResources() {}

    static boolean is(HarEntry entry, Url url) {
        return byType(entry.response().type()) || byExtension(url.path());
    }

    static boolean byType(String type) {
        return TYPES.contains(type) || TYPE_FAMILIES.stream().anyMatch(type::startsWith);
    }

    static boolean byExtension(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(last.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
