package nl.samenspraak.dashboard;

import jakarta.inject.Singleton;
import nl.samenspraak.conversation.FinishedConversations;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;
import nl.samenspraak.keys.KeyedHash;
import nl.samenspraak.keys.ServerSecret;
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
 * the keyed hash of its words ({@link #hash}), never by its conversation. Tagging is allowed only on a text the manager is shown (the
 * caller passes the texts of the page, which follow the cell rule). Tags are the team's: no respondent's page or
 * result reads them. The rule on who may tag (the team's managers, admins) is the dashboard's. A tag lives no longer
 * than its text: once no finished conversation of the team holds those words at that question any more (forgotten,
 * deleted by retention), it goes: in the commit that deletes the conversation ({@link #forget}), and, for what
 * that did not see (tags older than this rule), {@link #deleteOfGoneTexts()} in the daily retention run. The theme
 * says what the text was about.
 *
 * <p>The hash is an HMAC under a key derived from the server's secret ({@link ServerSecret}), not a plain SHA-256: a
 * short or likely answer ("ja", "de wachttijd") would be found from a plain hash by hashing a dictionary of such
 * answers, by anyone with a copy of the table. Every instance on one database has the same secret and so the same
 * names. A new secret (or none: a random one per start) names every text anew, and the themes given before are
 * lost, as logins are. Tags from before the hash was keyed are rekeyed at start ({@link #rekeyPlain()}).
 */
@Singleton
public class FreeTextTags implements ConversationTraces {
    static final int MAX_THEME = 60;
    /** Keeps this key apart from every other use of the server's secret. */
    static final String LABEL = "samenspraak free-text tags";

    private final FreeTextTagRepository tags;
    private final FinishedConversations finished;
    private final KeyedHash texts;
    private final Clock clock = Clock.systemUTC();

    public FreeTextTags(FreeTextTagRepository tags, FinishedConversations finished, ServerSecret secret) {
        this.tags = tags;
        this.finished = finished;
        this.texts = secret.keyedHash(LABEL);
    }

    /**
     * Gives every tag made before the texts' hashes were keyed (named by the plain SHA-256 of its words) its text's
     * keyed hash, the words found among the team's finished conversations at that question; a tag whose words none
     * holds any more is deleted, as the daily run deletes any tag of a gone text. Nothing to do (one query) once
     * done. Safe beside another instance doing the same.
     */
    public Rekeyed rekeyPlain() {
        if (!tags.existsByKeyedFalse()) {
            return new Rekeyed(0, 0);
        }
        Map<String, Map<String, String>> wordsByPlainHash = new HashMap<>();
        int rekeyed = 0;
        int deleted = 0;
        for (FreeTextTag tag : tags.findByKeyedFalse()) {
            String text = wordsByPlainHash.computeIfAbsent(tag.teamId() + "\n" + tag.flowId() + "\n" + tag.stepId(),
                    k -> plainHashes(tag.teamId(), tag.flowId(), tag.stepId())).get(tag.textHash());
            String keyed = text == null ? null : hash(text);
            if (keyed == null || tags.existsByTeamIdAndFlowIdAndStepIdAndTextHashAndTheme(tag.teamId(), tag.flowId(),
                    tag.stepId(), keyed, tag.theme())) {
                tags.deleteById(tag.id()); // its words are gone, or the same theme is on them already
                deleted++;
            } else {
                rekeyed += tags.rekey(tag.id(), keyed);
            }
        }
        return new Rekeyed(rekeyed, deleted);
    }

    /** What {@link #rekeyPlain()} did: how many tags it gave their keyed hash, how many of gone words it deleted. */
    public record Rekeyed(int rekeyed, int deleted) {
    }

    /** The words at one question of the team's finished conversations, by the plain SHA-256 tags were named by. */
    private Map<String, String> plainHashes(long teamId, String flowId, String stepId) {
        Map<String, String> words = new HashMap<>();
        for (FinishedConversations.Finished f : finished.of(teamId, flowId)) {
            Object value = f.progress().answers().get(stepId);
            if (value != null) {
                words.put(plainSha256(String.valueOf(value)), String.valueOf(value));
            }
        }
        return words;
    }

    private static String plainSha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Deletes every tag whose text no finished conversation of its team and flow holds at its question any more
     * (the texts a manager can be shown); returns how many went.
     */
    public int deleteOfGoneTexts() {
        int deleted = rekeyPlain().deleted(); // a tag not yet rekeyed (its start could not reach the database) is not gone
        Map<String, Set<String>> present = new HashMap<>();
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

    /** The name of a text in the tags: the keyed hash of its words, in hex. */
    public String hash(String text) {
        return texts.of(text);
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
        // as every text staff type for others to read: no control characters (a NUL is refused by PostgreSQL)
        String t = nl.samenspraak.i18n.TypedText.line(theme);
        if (t.isEmpty() || t.length() > MAX_THEME) {
            throw new Refused("manager.tag_theme_invalid", Map.of("max", MAX_THEME));
        }
        if (!tags.existsByTeamIdAndFlowIdAndStepIdAndTextHashAndTheme(team.id(), flow.id(), step.id(), textHash, t)) {
            try {
                tags.save(new FreeTextTag(null, team.id(), flow.id(), step.id(), textHash, t, clock.instant(), true));
            } catch (io.micronaut.data.exceptions.DataAccessException e) {
                // the same theme given to the same text at the same moment elsewhere (two managers, two instances, a
                // form sent twice): after the look above, the other's insert came first; the text has the theme
                if (!nl.samenspraak.system.UniqueKeyTaken.in(e)) {
                    throw e;
                }
            }
        }
    }

    /** Takes a theme off a text. */
    public void untag(Team team, Flow flow, Step step, String textHash, String theme) {
        if (textHash != null && theme != null) {
            tags.deleteByTeamIdAndFlowIdAndStepIdAndTextHashAndTheme(team.id(), flow.id(), step.id(), textHash,
                    nl.samenspraak.i18n.TypedText.line(theme));
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

    /**
     * The themes of the texts shown ({@code shownTexts}, as the page shows them for its selection, under the minimum
     * group size), for the theme filter and the suggestions. Not every theme the team used on the question: a theme
     * stays while any finished conversation of the team holds its words, counted or not (the join link, a round of
     * fewer than k, another wijk), so a theme none of the shown texts has told that such a text was there, perhaps
     * one person's.
     */
    public List<String> themes(Team team, Flow flow, Step step, List<String> shownTexts) {
        Map<String, List<String>> byText = of(team, flow, step);
        TreeSet<String> shown = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String text : shownTexts) {
            shown.addAll(byText.getOrDefault(hash(text), List.of()));
        }
        return List.copyOf(shown);
    }
}
