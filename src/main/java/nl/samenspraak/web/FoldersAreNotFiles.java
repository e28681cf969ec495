package nl.samenspraak.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.exceptions.HttpStatusException;

import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Map;

/**
 * A folder of the pages' assets ({@code /static/}) or of the libraries ({@code /webjars/}) is no file: "not found",
 * as any other address that is not there, before the static resources answer it. They answered a folder with an
 * empty 200 that was kept for a year ({@code /webjars/chart.js/4.4.1}), and a file's address with a slash after it
 * ({@code /static/app.css/}) with the whole file under a 404 status. The folders are those of the classpath the
 * static resources read ({@code micronaut.router.static-resources} in application.yml).
 */
@ServerFilter({"/static/**", "/webjars/**"})
public class FoldersAreNotFiles {
    private static final Map<String, String> ROOTS = Map.of("/static/", "static/", "/webjars/", "META-INF/resources/webjars/");

    @RequestFilter
    public void refuseFolders(HttpRequest<?> request) {
        // as the static resources read it: decoded ("4.4.1%2F" is the folder "4.4.1/"); an address that is no file's
        // name as written (a blank at its end, an empty folder name) is none either
        String path = decoded(request.getPath());
        for (Map.Entry<String, String> root : ROOTS.entrySet()) {
            if (path == null || path.startsWith(root.getKey()) && (path.endsWith("/") || path.contains("//")
                    || !path.equals(path.strip()) || folder(root.getValue() + path.substring(root.getKey().length())))) {
                throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
            }
        }
    }

    /** {@code path} with its percent escapes decoded; null when they are no UTF-8. */
    private static String decoded(String path) {
        try {
            return java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether {@code resource} is a folder on the classpath, in a jar or on disk (a build's classes). */
    static boolean folder(String resource) {
        if (resource.isEmpty() || resource.contains("..")) {
            return resource.isEmpty();
        }
        URL url = FoldersAreNotFiles.class.getClassLoader().getResource(resource);
        if (url == null) {
            return false;
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return new File(url.toURI()).isDirectory();
            }
            if (url.openConnection() instanceof JarURLConnection jar) {
                return jar.getJarEntry() == null || jar.getJarEntry().isDirectory();
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return false;
        }
        return false;
    }
}
