package nl.samenspraak.system;

import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.optim.StaticOptimizations;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Micronaut's services (its ~700 bean definitions, ~300 introspections, converters, property source loaders) taken
 * from a list the build wrote into the packaged jar ({@link PackagedServicesWriter}) instead of found at every start.
 * Found, Micronaut opens the jar as a zip file system, indexes its 33,000 entries, walks {@code META-INF/micronaut}
 * and creates each service through a method handle: about a fifth of the main thread's work before the first request
 * (README, "Start-up"). This is Micronaut AOT's service-loading optimisation, written by hand because the AOT tool
 * does not resolve from the registry these machines reach; Micronaut reads it through {@link StaticOptimizations}
 * (registered in {@code META-INF/services}).
 *
 * <p>Only used when the class path is the one jar that holds the list, so the list names every service there is; a
 * class path of several entries (the tests, {@code ./mvnw compile exec:exec}, the jar beside others) is searched as
 * before. A listed class that cannot be loaded or made is passed over, as the search does.
 */
public final class PackagedServices implements StaticOptimizations.Loader<SoftServiceLoader.Optimizations> {
    /** In the packaged jar only: one line per service, {@code <service type> <implementation>}. */
    static final String LIST = "META-INF/samenspraak/services.list";

    @Override
    public SoftServiceLoader.Optimizations load() {
        Map<String, List<String>> listed = listedInThisJar();
        return new SoftServiceLoader.Optimizations(listed == null ? Map.of() : new Listed(listed, getClass().getClassLoader()));
    }

    private static Map<String, List<String>> listedInThisJar() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isEmpty() || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return null;
        }
        try (InputStream in = PackagedServices.class.getClassLoader().getResourceAsStream(LIST)) {
            return in == null ? null : read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LIST, e);
        }
    }

    static Map<String, List<String>> read(InputStream in) throws IOException {
        Map<String, List<String>> services = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int space = line.indexOf(' ');
            if (space > 0) {
                services.computeIfAbsent(line.substring(0, space), t -> new ArrayList<>()).add(line.substring(space + 1));
            }
        }
        return services;
    }

    /**
     * Every service type, listed or not: one the list does not name has no implementation in the jar, and answering
     * it here keeps Micronaut from searching the jar for it.
     */
    static final class Listed extends AbstractMap<String, SoftServiceLoader.StaticServiceLoader<?>> {
        private final Map<String, List<String>> services;
        private final ClassLoader classLoader;

        Listed(Map<String, List<String>> services, ClassLoader classLoader) {
            this.services = services;
            this.classLoader = classLoader;
        }

        @Override
        public boolean containsKey(Object type) {
            return type instanceof String;
        }

        @Override
        public SoftServiceLoader.StaticServiceLoader<?> get(Object type) {
            if (!(type instanceof String)) {
                return null;
            }
            List<String> names = services.getOrDefault(type, List.of());
            return condition -> made(names, condition);
        }

        @Override
        public Set<Entry<String, SoftServiceLoader.StaticServiceLoader<?>>> entrySet() {
            Map<String, SoftServiceLoader.StaticServiceLoader<?>> all = new LinkedHashMap<>();
            services.keySet().forEach(type -> all.put(type, get(type)));
            return all.entrySet();
        }

        private <S> Stream<SoftServiceLoader.StaticDefinition<S>> made(List<String> names, Predicate<String> condition) {
            return names.stream()
                    .filter(name -> condition == null || condition.test(name))
                    .map(name -> {
                        S service = make(name);
                        return service == null ? null : SoftServiceLoader.StaticDefinition.of(name, () -> service);
                    })
                    .filter(Objects::nonNull);
        }

        /** The service, or null when its class or one it needs is missing (as Micronaut's own search passes it over). */
        @SuppressWarnings("unchecked")
        private <S> S make(String name) {
            try {
                return (S) Class.forName(name, false, classLoader).getDeclaredConstructor().newInstance();
            } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
                return null;
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof LinkageError) {
                    return null;
                }
                throw new IllegalStateException("cannot make the service " + name, e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make the service " + name, e);
            }
        }
    }
}
