package nl.samenspraak.support;

import nl.samenspraak.result.Result;
import nl.samenspraak.result.ResultBuilder;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.StateRenderer;
import nl.samenspraak.engine.ConversationEngine;
import nl.samenspraak.engine.Outcome;
import nl.samenspraak.engine.Progress;
import nl.samenspraak.flow.load.DataFiles;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.flow.load.FlowLibraryLoader;
import nl.samenspraak.i18n.TextRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a flow of this repository (flows/ and locales/ as they are on disk) through the engine and the
 * renderers, without a server or a database: what a person would see at each step and at the end.
 * For golden tests of the flows' content.
 */
public final class FlowWalk {
    private static FlowLibrary library;
    private static FlowLibrary roundTripped;
    /** Whether walks use the flows as exported to XLSForm and imported back instead of the files. */
    private static boolean useRoundTripped;

    private final ConversationEngine engine = new ConversationEngine();
    private final StateRenderer renderer;
    private final Flow flow;
    private final String language;
    private Progress progress;
    /** A professional is in the conversation: answers come in assisted, and the result is read along. */
    private boolean assisted;

    private FlowWalk(String flowId, String language) {
        FlowLibrary lib = library();
        TextRenderer text = new TextRenderer();
        ResultBuilder results = new ResultBuilder(engine, lib.translations(), text, resultTemplate());
        this.renderer = new StateRenderer(engine, lib.translations(), text, results);
        this.flow = lib.flow(flowId).orElseThrow(() -> new AssertionError("no flow " + flowId));
        this.language = language;
        this.progress = engine.start(flow);
    }

    /**
     * From now on, walks take the flows exported to XLSForm and imported back ({@code true}) or the files
     * ({@code false}); the golden tests run once with each.
     */
    public static synchronized void useRoundTrippedFlows(boolean on) {
        useRoundTripped = on;
    }

    /** The bundled flows and words (or their round trip, see above), loaded (and validated) once per test run. */
    public static synchronized FlowLibrary library() {
        if (useRoundTripped) {
            if (roundTripped == null) {
                roundTripped = RoundTrippedFlows.load();
            }
            return roundTripped;
        }
        if (library == null) {
            library = new FlowLibraryLoader(new TextRenderer())
                    .load(DataFiles.read(Path.of("flows"), "flows"), DataFiles.read(Path.of("locales"), "locales"));
        }
        return library;
    }

    public static FlowWalk start(String flowId, String language) {
        return new FlowWalk(flowId, language);
    }

    /**
     * A walk with a professional in the conversation, as on the intermediair's page: the answers are entered
     * by them, and they read the state along (so a result meant for the professional shows in full).
     */
    public static FlowWalk assisted(String flowId, String language) {
        FlowWalk walk = new FlowWalk(flowId, language);
        walk.assisted = true;
        return walk;
    }

    public Flow flow() {
        return flow;
    }

    public Progress progress() {
        return progress;
    }

    /** What the person sees now: the question, or the result once done. */
    public ConversationState state() {
        return renderer.render("walk", "WALK2345", flow, progress, language, assisted ? language : null);
    }

    /** The id of the step now asked, null when done. */
    public String current() {
        return progress.current();
    }

    /** Answers the current step, which must be {@code step}; fails the test when the answer is not accepted. */
    public FlowWalk answer(String step, Object value) {
        if (!step.equals(progress.current())) {
            throw new AssertionError("expected to be at step '" + step + "' but at '" + progress.current()
                    + "' (path " + progress.path() + ")");
        }
        Outcome outcome = engine.answer(flow, progress, step, value, nl.samenspraak.engine.AnswerWords.none(), assisted);
        if (!(outcome instanceof Outcome.Accepted accepted)) {
            throw new AssertionError("answer " + value + " to '" + step + "' was not accepted: " + outcome);
        }
        progress = accepted.progress();
        return this;
    }

    /** Tries an answer without requiring it to be accepted. */
    public Outcome attempt(Object value) {
        Outcome outcome = engine.answer(flow, progress, progress.current(), value, nl.samenspraak.engine.AnswerWords.none(), assisted);
        if (outcome instanceof Outcome.Accepted accepted) {
            progress = accepted.progress();
        }
        return outcome;
    }

    public FlowWalk back() {
        progress = engine.back(progress);
        return this;
    }

    /** Answers whatever step comes with the answer {@code chooser} picks for it, until the flow ends. */
    public FlowWalk answerAll(java.util.function.Function<ConversationState.StepView, Object> chooser) {
        int guard = 0;
        while (!progress.ended()) {
            if (++guard > 500) {
                throw new AssertionError("the flow did not end after 500 answers: " + progress.path());
            }
            ConversationState.StepView step = state().step();
            answer(step.id(), chooser.apply(step));
        }
        return this;
    }

    /** The result; fails the test when the conversation has not ended. */
    public Result result() {
        ConversationState s = state();
        if (!s.done()) {
            throw new AssertionError("not done; at step " + progress.current());
        }
        return s.result();
    }

    /** The result as a professional reads it along (the intermediair's page of the conversation), whoever answered. */
    public Result resultForProfessional() {
        ConversationState s = renderer.render("walk", "WALK2345", flow, progress, language, language);
        if (!s.done()) {
            throw new AssertionError("not done; at step " + progress.current());
        }
        return s.result();
    }

    /** The scores per dimension as the engine computes them (also for flows that do not show them). */
    public java.util.Map<String, Integer> scores() {
        return engine.scores(flow, progress);
    }

    public List<String> tipIds() {
        List<String> ids = new ArrayList<>();
        result().tips().forEach(t -> ids.add(t.id()));
        return ids;
    }

    private static String resultTemplate() {
        try {
            return Files.readString(Path.of("src/main/resources/views/result.vm"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
