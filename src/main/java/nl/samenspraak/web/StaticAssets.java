package nl.samenspraak.web;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pages' own static files (src/main/resources/static), each under a name that carries a hash of its content
 * ({@code /assets/app.3f9a1c2b7d.css}): a browser may keep it for a year without asking again, and a changed
 * file has a new name, so nobody sees a stale one. Read once, at start-up. Pages name them through
 * {@link #paths()} ({@code $assets.appCss} in a template).
 */
@Singleton
public class StaticAssets {
    /** Where the hashed names are served. */
    public static final String PREFIX = "/assets/";

    /** The files, by the name a template uses. */
    private static final Map<String, String> FILES = Map.of("appCss", "app.css", "chatJs", "chat.js",
            "dashboardJs", "dashboard.js", "intermediairJs", "intermediair.js", "barJs", "bar.js",
            "faviconSvg", "favicon.svg", "faviconPng", "favicon.png");

    /** One file: its content and content type. */
    public record Asset(byte[] content, String contentType) {
    }

    private final Map<String, Asset> byHashedName = new LinkedHashMap<>();
    private final Map<String, String> paths = new LinkedHashMap<>();
    private final Asset favicon;

    public StaticAssets() {
        FILES.forEach((key, file) -> {
            byte[] content = read("static/" + file);
            int dot = file.lastIndexOf('.');
            String hashed = file.substring(0, dot) + "." + hash(content) + file.substring(dot);
            byHashedName.put(hashed, new Asset(content, contentType(file)));
            paths.put(key, PREFIX + hashed);
        });
        favicon = new Asset(read("static/favicon.png"), "image/png");
    }

    /** Template name to path, e.g. appCss to /assets/app.3f9a1c2b7d.css. */
    public Map<String, String> paths() {
        return paths;
    }

    /** The file with this hashed name, if there is one. */
    public Optional<Asset> find(String hashedName) {
        return Optional.ofNullable(byHashedName.get(hashedName));
    }

    /** What a browser gets for /favicon.ico, which it asks for on its own. */
    public Asset favicon() {
        return favicon;
    }

    private static String contentType(String file) {
        if (file.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (file.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        return file.endsWith(".svg") ? "image/svg+xml" : "image/png";
    }

    private static String hash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
