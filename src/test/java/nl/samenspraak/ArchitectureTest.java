package nl.samenspraak;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
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
        // the folder (or jar) the main classes were compiled to, not a search of the whole class path for the
        // package, which opens every library jar; dependencies on library classes are kept by name without reading
        // those classes (archunit.properties), which is all that rules about packages need
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importLocations(java.util.Set.of(com.tngtech.archunit.core.importer.Location.of(
                        Application.class.getProtectionDomain().getCodeSource().getLocation())));
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

    /**
     * The web chat and the Telegram bot are channels beside the JSON API, not built on it: a rule they share (resume
     * by code and its rate limit, for one) lives in a use case ({@code conversation.ResumeByCode}) or in
     * {@code limits}, never in {@code api}. Shown to fail: a field of type {@code nl.samenspraak.api.ApiErrors} in
     * {@code telegram.ChatActions} (a bare unused import leaves no trace in the class file, so it needs a use) failed
     * this rule ("Field ChatActions.scratch has type ApiErrors"); removed again.
     */
    @Test
    void webAndTelegramNeverUseApi() {
        noClasses().that().resideInAnyPackage("nl.samenspraak.web..", "nl.samenspraak.telegram..")
                .should().dependOnClassesThat().resideInAPackage("nl.samenspraak.api..")
                .because("shared rules live in use cases, not in the JSON API").check(main);
    }

    /**
     * The channels (api, web, telegram, intermediair) only talk to use cases, so one can change or go away without
     * the others noticing. Shown to fail: a field of type {@code nl.samenspraak.telegram.TelegramSettings} in
     * {@code web.ChatPageController} failed it (web -> telegram); removed again. The intermediair's own direction is
     * {@link #intermediairUsesOtherChannelsOnlyThroughItsKnownException()}.
     */
    @Test
    void channelsNeverUseEachOther() {
        String[] channels = {"api", "web", "telegram", "intermediair"};
        for (String channel : new String[]{"api", "web", "telegram"}) {
            String[] others = java.util.Arrays.stream(channels).filter(c -> !c.equals(channel))
                    .map(c -> "nl.samenspraak." + c + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("nl.samenspraak." + channel + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("channels talk to use cases, not to each other").check(main);
        }
    }

    /**
     * Known exception, pinned so it cannot grow: the assisted conversation ({@code intermediair}) still renders with
     * the web chat's {@code Pages} and {@code ChatView} and answers JSON through {@code api.ApiErrors} and
     * {@code api.ConversationController}; it uses no other class of another channel and nothing of Telegram.
     * Shown to fail: a field of type {@code nl.samenspraak.web.Pages} in {@code intermediair.IntermediairController}
     * failed it; removed again.
     */
    @Test
    void intermediairUsesOtherChannelsOnlyThroughItsKnownException() {
        noClasses().that().resideInAPackage("nl.samenspraak.intermediair..")
                .should().dependOnClassesThat(resideInAnyPackage("nl.samenspraak.api..", "nl.samenspraak.web..",
                                "nl.samenspraak.telegram..")
                        .and(not(belongToAnyOf(nl.samenspraak.web.Pages.class, nl.samenspraak.web.ChatView.class,
                                nl.samenspraak.api.ApiErrors.class, nl.samenspraak.api.ConversationController.class))))
                .because("the assisted conversation's reuse of web and api is a known, bounded exception").check(main);
    }

    /**
     * Which database the service is on is decided in one place, {@code storage.DatabaseKind}, from the configured URL.
     * It had been asked three ways, one of which said "H2" until the pool was made; a class asking a connection's
     * product name again could answer differently from the rest, or open the pool to ask. Shown to fail with
     * {@code TurnWrites} asking its first connection's product name again, as it did (a scratch change, reverted):
     * "Method TurnWrites.onPostgres() calls method DatabaseMetaData.getDatabaseProductName()".
     */
    @Test
    void oneHomeForWhichDatabaseItIs() {
        noClasses().that().resideInAPackage("nl.samenspraak..")
                .should().callMethod("java.sql.DatabaseMetaData", "getDatabaseProductName")
                .because("storage.DatabaseKind says which database it is, for every class")
                .check(main);
    }

    /**
     * Every feature reaches stored conversations, teams and codes only through the use cases ({@code conversation},
     * {@code team}): what a channel, the dashboard or any other feature may read or change about a stored conversation
     * is decided once, there (the dashboard reads a team's finished conversations through
     * {@code conversation.FinishedConversations}). Allowed besides: storage's plumbing that holds no conversation
     * ({@code DatabaseAvailability}, {@code DatabaseKind}, {@code OwnConnections}, the code format {@code ResumeCodes}, the group commit
     * {@code SharedCommit} that a limit's count joins), and one known
     * exception, pinned: {@code retention}, storage's own housekeeping, deletes by age through its own query.
     * Shown to fail: with {@code intermediair.MyConversations} reading {@code storage.ConversationRepository} directly
     * (as it did before {@code conversation.ConversationOverviews}) the rule reported "Field MyConversations.stored has
     * type ConversationRepository"; with {@code dashboard.TeamDashboards} holding {@code storage.ConversationStore}
     * again (as before {@code FinishedConversations}; a scratch field, reverted) it reported "Field
     * TeamDashboards.store has type ConversationStore"; and {@link #storageRuleCatchesAFeatureReadingStorage()} keeps showing it on fixtures.
     */
    @Test
    void featuresUseStorageOnlyThroughUseCases() {
        storageOnlyThroughUseCases().check(main);
    }

    static ArchRule storageOnlyThroughUseCases() {
        return noClasses().that().resideInAPackage("nl.samenspraak..")
                .and().resideOutsideOfPackages("nl.samenspraak.storage..", "nl.samenspraak.conversation..",
                        "nl.samenspraak.team..", "nl.samenspraak.retention..")
                .should().dependOnClassesThat(resideInAPackage("nl.samenspraak.storage..")
                        .and(not(belongToAnyOf(nl.samenspraak.storage.DatabaseAvailability.class,
                                nl.samenspraak.storage.DatabaseKind.class, nl.samenspraak.storage.OwnConnections.class, nl.samenspraak.storage.ResumeCodes.class,
                                nl.samenspraak.storage.SharedCommit.class,
                                // what a channel keeps beside a conversation, which storage forgets with it: the
                                // channel implements it, it reads nothing
                                nl.samenspraak.storage.ConversationTraces.class))))
                .because("features reach storage only through the conversation and team use cases");
    }

    /**
     * The rule above is not one that cannot fail: a channel class that reads storage and a dashboard class that reads
     * storage (test fixtures) each break it.
     */
    @Test
    void storageRuleCatchesAFeatureReadingStorage() {
        for (Class<?> fixture : new Class<?>[]{nl.samenspraak.web.StorageReadingFixture.class,
                nl.samenspraak.dashboard.StorageReadingFixture.class}) {
            JavaClasses offender = new ClassFileImporter().importClasses(fixture);
            org.junit.jupiter.api.Assertions.assertTrue(storageOnlyThroughUseCases().evaluate(offender).hasViolation(),
                    fixture.getName());
        }
    }

    /**
     * Every route says who may use it, on its method or its controller ({@code @Secured}), so access is read where the
     * route is, and the security filter decides a routed request from that annotation before it would walk the
     * configured URL patterns (matching each was ~2% of the service's CPU, a ping's too). A route without it would
     * fall back on those patterns: open under an open prefix, otherwise login only.
     */
    @Test
    void everyRouteSaysWhoMayUseIt() {
        routesSayWhoMayUseThem().check(main);
    }

    static ArchRule routesSayWhoMayUseThem() {
        DescribedPredicate<JavaMethod> routes = DescribedPredicate.describe("are routes", m ->
                java.util.stream.Stream.of(Get.class, Post.class, Put.class, Delete.class, Patch.class).anyMatch(m::isAnnotatedWith));
        return methods().that().areDeclaredInClassesThat().areAnnotatedWith(Controller.class).and(routes)
                .should(new ArchCondition<JavaMethod>("say who may use them (@Secured on the method or its controller)") {
                    @Override
                    public void check(JavaMethod route, ConditionEvents events) {
                        if (!route.isAnnotatedWith(Secured.class) && !route.getOwner().isAnnotatedWith(Secured.class)) {
                            events.add(SimpleConditionEvent.violated(route, route.getFullName() + " has no @Secured"));
                        }
                    }
                });
    }

    /** The rule above can fail: a controller whose route has no {@code @Secured} (a test fixture) breaks it. */
    @Test
    void routeRuleCatchesARouteWithoutAccess() {
        JavaClasses offender = new ClassFileImporter().importClasses(nl.samenspraak.api.RouteWithoutAccessFixture.class);
        org.junit.jupiter.api.Assertions.assertTrue(routesSayWhoMayUseThem().evaluate(offender).hasViolation());
    }

    /** No two feature packages need each other: each can be read, tested and changed from one side. */
    @Test
    void noPackageCycles() {
        slices().matching("nl.samenspraak.(*)..").should().beFreeOfCycles().check(main);
    }
}
