package nl.samenspraak.dashboard;

import nl.samenspraak.engine.Progress;

import java.time.Instant;
import java.util.Map;

/**
 * One finished conversation as the dashboard counts it: when it started, under which flow version, in which
 * wijk and language, its answers (as the engine keeps them), the language of each answer, and its scores as
 * the engine computes them. Nothing that identifies the conversation.
 */
public record Response(Instant startedAt, String version, String wijk, String language, Progress progress,
                       Map<String, String> answerLanguages, Map<String, Integer> scores,
                       /* the answers on the way, looked up once: the figures ask for each answer many times */
                       Map<String, Object> onPath) {

    public Response(Instant startedAt, String version, String wijk, String language, Progress progress,
                    Map<String, String> answerLanguages, Map<String, Integer> scores) {
        this(startedAt, version, wijk, language, progress, answerLanguages, scores, progress.answersOnPath());
    }

    /** The answer to {@code step} when it was on this conversation's way and not skipped, else null. */
    public Object answer(String step) {
        return onPath.get(step);
    }

    /** The language {@code step} was answered in (its own, else the conversation's). */
    public String languageOf(String step) {
        return answerLanguages.getOrDefault(step, language);
    }
}
