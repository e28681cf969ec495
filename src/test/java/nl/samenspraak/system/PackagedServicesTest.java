package nl.samenspraak.system;

import io.micronaut.core.io.service.SoftServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The list of services the build writes into the jar, and what a start makes of it: the same services Micronaut's
 * search of the jar finds (README, "Start-up"). That the packaged jar serves the same with and without the list is
 * {@link PackagedJarIT}'s.
 */
class PackagedServicesTest {

    @Test
    void theListNamesEveryMicronautEntryAndEveryServiceFileLineAndNothingElse(@TempDir Path jar) throws Exception {
        Path beans = Files.createDirectories(jar.resolve("META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference"));
        Files.createFile(beans.resolve("a.$Greeter$Definition$Reference"));
        Files.createFile(beans.resolve("b.$Clock$Definition$Reference"));
        Files.createDirectories(jar.resolve("META-INF/micronaut/io.micronaut.core.beans.BeanIntrospectionReference"));
        Path services = Files.createDirectories(jar.resolve("META-INF/services"));
        Files.writeString(services.resolve("io.micronaut.context.env.PropertySourceLoader"),
                "# the loaders\nio.micronaut.context.env.yaml.YamlPropertySourceLoader\n\n  x.TomlLoader # later\n");
        Files.writeString(jar.resolve("META-INF/MANIFEST.MF"), "Manifest-Version: 1.0\n");

        assertEquals(List.of(
                "io.micronaut.context.env.PropertySourceLoader io.micronaut.context.env.yaml.YamlPropertySourceLoader",
                "io.micronaut.context.env.PropertySourceLoader x.TomlLoader",
                "io.micronaut.inject.BeanDefinitionReference a.$Greeter$Definition$Reference",
                "io.micronaut.inject.BeanDefinitionReference b.$Clock$Definition$Reference"),
                new ArrayList<>(PackagedServicesWriter.listed(jar)));
    }

    @Test
    void aStartMakesEachListedServiceOfTheTypeAskedFor() throws Exception {
        var loader = listed("java.lang.CharSequence java.lang.StringBuilder\n"
                + "java.lang.CharSequence java.lang.String\n"
                + "java.util.List java.util.ArrayList\n");

        List<Object> made = made(loader, "java.lang.CharSequence", name -> true);
        assertEquals(2, made.size());
        assertInstanceOf(StringBuilder.class, made.get(0));
        assertInstanceOf(String.class, made.get(1));
        assertEquals(List.of(), made(loader, "java.lang.CharSequence", name -> false));
        assertEquals(1, made(loader, "java.lang.CharSequence", name -> name.endsWith("Builder")).size());
    }

    @Test
    void aTypeTheListDoesNotNameHasNoServicesAndIsNotSearchedFor() throws Exception {
        var loader = listed("java.util.List java.util.ArrayList\n");
        assertTrue(loader.containsKey("io.micronaut.context.ApplicationContextCustomizer"),
                "answered from the list, so Micronaut does not open the jar to search for it");
        assertEquals(List.of(), made(loader, "io.micronaut.context.ApplicationContextCustomizer", name -> true));
    }

    @Test
    void aListedClassThatIsMissingOrCannotBeMadeIsPassedOverAsTheSearchWould() throws Exception {
        var loader = listed("java.util.List nl.samenspraak.NoSuchClass\n"
                + "java.util.List java.lang.Integer\n"
                + "java.util.List java.util.ArrayList\n");
        List<Object> made = made(loader, "java.util.List", name -> true);
        assertEquals(1, made.size(), "a missing class and one without a constructor without arguments are passed over");
        assertInstanceOf(ArrayList.class, made.get(0));
    }

    @Test
    void outsideThePackagedJarNothingIsListedAndMicronautSearchesAsBefore() {
        // the tests run on a class path of many folders and jars: the list would not name their services
        assertTrue(System.getProperty("java.class.path").contains(java.io.File.pathSeparator));
        assertEquals(Map.of(), new PackagedServices().load().getServiceLoaders());
    }

    private static PackagedServices.Listed listed(String list) throws Exception {
        Map<String, List<String>> services = PackagedServices.read(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)));
        return new PackagedServices.Listed(new LinkedHashMap<>(services), PackagedServicesTest.class.getClassLoader());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Object> made(PackagedServices.Listed loader, String type, Predicate<String> condition) {
        SoftServiceLoader.StaticServiceLoader<Object> services = (SoftServiceLoader.StaticServiceLoader) loader.get(type);
        return services.findAll(condition).map(SoftServiceLoader.StaticDefinition::load).toList();
    }
}
