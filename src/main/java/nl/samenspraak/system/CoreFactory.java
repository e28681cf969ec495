package nl.samenspraak.system;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.ConversationSettings;
import nl.samenspraak.result.ResultBuilder;
import nl.samenspraak.conversation.StateRenderer;
import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.load.FlowLibraryLoader;
import nl.samenspraak.flow.load.PreparsedLocales;
import nl.samenspraak.i18n.TextRenderer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Wires the plain-Java core (flows, engine, rendering) into the application. Flows load eagerly, at start-up, the
 * bundled locale files from the build's preparsed form where they are unchanged.
 */
@Factory
public class CoreFactory {

    @Singleton
    TextRenderer textRenderer() {
        return new TextRenderer();
    }

    /** The engine; "today" (a date question's bounds) is the day in the conversations' time zone. */
    @Singleton
    ConversationEngine conversationEngine(ConversationSettings settings) {
        return new ConversationEngine(java.time.Clock.system(settings.zone()));
    }

    /** The flow and locale files the service started with (bundled, or the configured folders). */
    @Singleton
    FlowFolders flowFolders(FlowFolderSettings settings) {
        FlowFolders folders = FlowFolders.locate(settings.flowsDir(), settings.localesDir());
        if (!"bundled".equals(folders.flowsFrom()) || !"bundled".equals(folders.localesFrom())) {
            // so an operator sees that the folders set are the ones read
            org.slf4j.LoggerFactory.getLogger(CoreFactory.class).info("Reading {}", folders.describe());
        }
        return folders;
    }

    @Context
    @Singleton
    FlowLibrary flowLibrary(FlowFolders folders, TextRenderer renderer) {
        return new FlowLibraryLoader(renderer, PreparsedLocales.bundled()).load(folders.flowFiles(), folders.localeFiles());
    }

    @Singleton
    ResultBuilder resultBuilder(ConversationEngine engine, FlowLibrary library, TextRenderer renderer) {
        return new ResultBuilder(engine, library.translations(), renderer, classpathText("views/result.vm"));
    }

    @Singleton
    StateRenderer stateRenderer(ConversationEngine engine, FlowLibrary library, TextRenderer renderer, ResultBuilder results) {
        return new StateRenderer(engine, library.translations(), renderer, results);
    }

    private static String classpathText(String name) {
        try (InputStream in = CoreFactory.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
