package nl.samenspraak;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Which package may use which, checked on the compiled classes (ArchUnit). Each rule says why it exists;
 * breaking one fails the build with the offending class and call.
 */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.samenspraak");
    }

    /**
     * The flow model, the engine and the words decide what happens next without a framework, so they can be
     * tested alone and every channel can use them. Broken by, e.g., a {@code @Singleton} on the engine.
     */
    @Test
    void coreIsPlainJava() {
        ArchRule rule = noClasses().that().resideInAnyPackage("nl.samenspraak.flow..", "nl.samenspraak.engine..",
                        "nl.samenspraak.i18n..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta..", "io.netty..",
                        "com.fasterxml.jackson..")
                .because("the model, the engine and the words are plain Java");
        rule.check(main);
    }

    /**
     * The core knows no storage, no channel and no use case: data flows one way, channel, use case, engine,
     * storage. Broken by, e.g., the engine reading a conversation from the store.
     */
    @Test
    void coreDependsOnlyOnCore() {
        ArchRule rule = noClasses().that().resideInAnyPackage("nl.samenspraak.flow..", "nl.samenspraak.engine..",
                        "nl.samenspraak.i18n..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.samenspraak.storage..",
                        "nl.samenspraak.conversation..", "nl.samenspraak.api..", "nl.samenspraak.web..",
                        "nl.samenspraak.telegram..", "nl.samenspraak.intermediair..", "nl.samenspraak.dashboard..",
                        "nl.samenspraak.team..", "nl.samenspraak.security..", "nl.samenspraak.admin..");
        rule.check(main);
    }

    /**
     * Converting a spreadsheet to a flow and back is plain Java, usable from the command line without starting
     * the service. Broken by, e.g., injecting a bean into the converter.
     */
    @Test
    void xlsformIsPlainJava() {
        noClasses().that().resideInAPackage("nl.samenspraak.xlsform..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta..")
                .because("converting spreadsheets needs no framework").check(main);
    }

    /** The flow model does not depend on how flows are read from files (flow.load depends on the model). */
    @Test
    void flowModelDoesNotKnowItsLoader() {
        noClasses().that().resideInAPackage("nl.samenspraak.flow")
                .should().dependOnClassesThat().resideInAPackage("nl.samenspraak.flow.load").check(main);
    }

    /** No two feature packages need each other: each can be read, tested and changed from one side. */
    @Test
    void noPackageCycles() {
        slices().matching("nl.samenspraak.(*)..").should().beFreeOfCycles().check(main);
    }
}
