package nl.samenspraak.dashboard;

import jakarta.inject.Singleton;
import nl.samenspraak.conversation.FinishedConversations;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;
import nl.samenspraak.security.Refused;
import nl.samenspraak.storage.ConversationTraces;
import nl.samenspraak.team.Team;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Themes on free texts (issue 15, drill down): a team's manager tags a text respondents wrote with a theme, to
 * find it again and to take it into the team meeting. Per team, on one question of one flow; a text is named by
 * the SHA-256 of its words, never by its conversation. Tagging is allowed only on a text the manager is shown (the
 * caller passes the texts of the page, which follow the cell rule). Tags are the team's: no respondent's page or
 * result reads them. The rule on who may tag (the team's managers, admins) is the dashboard's. A tag lives no longer
 * than its text: once no finished conversation of the team holds those words at that question any more (forgotten,
 * deleted by retention), it goes: in the commit that deletes the conversation ({@link #forget}), and, for what
 * that did not see (tags older than this rule), {@link #deleteOfGoneTexts()} in the daily retention run. The hash
 * of a short text is reversible by dictionary and the theme says what it was about.
 */
@Singleton
public class FreeTextTags implements ConversationTraces {
    static final int MAX_THEME = 60;

    private final FreeTextTagRepository tags;
    private final FinishedConversations finished;
    private final Clock clock = Clock.systemUTC();

    public FreeTextTags(FreeTextTagRepository tags, FinishedConversations finished) {
        this.tags = tags;
        this.finished = finished;
    }

    /**
     * Deletes every tag whose text no finished conversation of its team and flow holds at its question any more
     * (the texts a manager can be shown); returns how many went.
     */
    public int deleteOfGoneTexts() {
        Map<String, Set<String>> present = new HashMap<>();
        int deleted = 0;
        for (FreeTextTag tag : tags.findAll()) {
            Set<String> hashes = present.computeIfAbsent(tag.teamId() + "\n" + tag.flowId() + "\n" + tag.stepId(),
                    k -> textHashes(tag.teamId(), tag.flowId(), tag.stepId()));
            if (!hashes.contains(tag.textHash())) {
                tags.deleteById(tag.id());
                deleted++;
            }
        }
        return deleted;
    }

    /**
     * The tags on the texts of a conversation being deleted, unless another finished conversation of the team still
     * holds the same words at the same question (the tag is then on those words too).
     */
    @Override
    public void forget(Forgotten conversation) {
        if (conversation.teamId() == null) {
            return;
        }
        List<FreeTextTag> onItsTexts = tags.findByTeamIdAndFlowId(conversation.teamId(), conversation.flowId()).stream()
                .filter(tag -> {
                    Object value = conversation.answers().get(tag.stepId());
                    return value != null && hash(String.valueOf(value)).equals(tag.textHash());
                }).toList();
        if (onItsTexts.isEmpty()) {
            return;
        }
        Map<String, Set<String>> stillHeld = new HashMap<>();
        for (FinishedConversations.Finished f : finished.of(conversation.teamId(), conversation.flowId())) {
            if (!f.id().equals(conversation.id())) {
                f.progress().answers().forEach((step, value) -> {
                    if (value != null) {
                        stillHeld.computeIfAbsent(step, k -> new HashSet<>()).add(hash(String.valueOf(value)));
                    }
                });
            }
        }
        for (FreeTextTag tag : onItsTexts) {
            if (!stillHeld.getOrDefault(tag.stepId(), Set.of()).contains(tag.textHash())) {
                tags.deleteById(tag.id());
            }
        }
    }

    private Set<String> textHashes(long teamId, String flowId, String stepId) {
        Set<String> hashes = new HashSet<>();
        for (FinishedConversations.Finished f : finished.of(teamId, flowId)) {
            Object value = f.progress().answers().get(stepId);
            if (value != null) {
                hashes.add(hash(String.valueOf(value)));
            }
        }
        return hashes;
    }

    /** The name of a text in the tags: the hex SHA-256 of its words. */
    public static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Tags the shown text named {@code textHash} with {@code theme} (trimmed, lower case kept as typed); refused
     * with a message key for a question without free texts, a text not shown, or an empty or too long theme.
     */
    public void tag(Team team, Flow flow, Step step, List<String> shownTexts, String textHash, String theme) {
        if (step.type() != StepType.TEXT) {
            throw new Refused("manager.tag_no_texts");
        }
        if (textHash == null || shownTexts.stream().noneMatch(t -> hash(t).equals(textHash))) {
            throw new Refused("manager.tag_text_invalid");
        }
        String t = theme == null ? "" : theme.strip().replaceAll("\\s+", " ");
        if (t.isEmpty() || t.length() > MAX_THEME) {
            throw new Refused("manager.tag_theme_invalid", Map.of("max", MAX_THEME));
        }
        if (!tags.existsByTeamIdAndFlowIdAndStepIdAndTextHashAndTheme(team.id(), flow.id(), step.id(), textHash, t)) {
            tags.save(new FreeTextTag(null, team.id(), flow.id(), step.id(), textHash, t, clock.instant()));
        }
    }

    /** Takes a theme off a text. */
    public void untag(Team team, Flow flow, Step step, String textHash, String theme) {
        if (textHash != null && theme != null) {
            tags.deleteByTeamIdAndFlowIdAndStepIdAndTextHashAndTheme(team.id(), flow.id(), step.id(), textHash, theme.strip());
        }
    }

    /** The themes per text hash of one question of the team, each list in alphabetical order. */
    public Map<String, List<String>> of(Team team, Flow flow, Step step) {
        Map<String, List<String>> by = new LinkedHashMap<>();
        for (FreeTextTag tag : tags.findByTeamIdAndFlowIdAndStepIdOrderByTheme(team.id(), flow.id(), step.id())) {
            by.computeIfAbsent(tag.textHash(), h -> new java.util.ArrayList<>()).add(tag.theme());
        }
        return by;
    }

    /** Every theme the team used on this question, for the theme filter and the suggestions. */
    public List<String> themes(Team team, Flow flow, Step step) {
        TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        tags.findByTeamIdAndFlowIdAndStepIdOrderByTheme(team.id(), flow.id(), step.id()).forEach(t -> all.add(t.theme()));
        return List.copyOf(all);
    }
}
