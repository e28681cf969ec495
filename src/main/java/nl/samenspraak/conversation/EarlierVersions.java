package nl.samenspraak.conversation;

import nl.samenspraak.engine.QuestionKind;
import nl.samenspraak.flow.Flow;

import java.util.Map;

/**
 * How an earlier version of a flow asked its questions, for a conversation begun under it that goes on under the
 * version run now ({@link nl.samenspraak.engine.VersionCarryOver}). A seam of one method, so that the conversation use
 * cases need not know where versions are recorded (the dashboard's {@code FlowVersions}, which reads conversations).
 */
public interface EarlierVersions {
    /** Each step's kind as {@code version} asked it, by step id; a step missing is another question than {@code now}'s. */
    Map<String, QuestionKind> askedIn(String version, Flow now);
}
