package nl.samenspraak.team;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.ContactLookup;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.result.TeamContact;
import nl.samenspraak.i18n.TypedText;
import nl.samenspraak.security.Refused;
import nl.samenspraak.system.UniqueKeyTaken;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A team's own contact details for residents: its desk, address, walk-in hours, phone, e-mail and how to get an
 * interpreter, written by the team (an admin or the team's manager) in Dutch and, where they like, translated,
 * for the whole team or for a wijk where they differ. Residents' results show them (see {@link TeamContact}).
 * Texts are limited in length and kept without direction controls; phone and e-mail are the same in every
 * language, so only the Dutch details hold them.
 */
@Singleton
public class TeamContacts implements ContactLookup {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TeamContacts.class);
    /** The longest text per field, in characters (the columns of V100__team_contact.sql). */
    public static final Map<String, Integer> MAX = maxima();
    /** The fields that read the same in every language: kept with the Dutch details only. */
    public static final List<String> LANGUAGE_FREE = List.of("phone", "email");
    /** The place of the details that hold for the whole team. */
    public static final String WHOLE_TEAM = "";

    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{4,40}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ContactRepository contacts;
    private final Teams teams;
    private final FlowLibrary library;

    public TeamContacts(ContactRepository contacts, Teams teams, FlowLibrary library) {
        this.contacts = contacts;
        this.teams = teams;
        this.library = library;
    }

    private static Map<String, Integer> maxima() {
        Map<String, Integer> max = new LinkedHashMap<>();
        max.put("desk", 120);
        max.put("address", 200);
        max.put("walk_in", 300);
        max.put("phone", 40);
        max.put("email", 120);
        max.put("interpreter", 400);
        return java.util.Collections.unmodifiableMap(max);
    }

    /**
     * Who writes a team's details: an admin for any team, a manager for their own teams; nobody else (an
     * intermediair collects answers, a manager of another team has no say over this one).
     */
    public boolean mayWrite(nl.samenspraak.security.Account account, long teamId) {
        if (!account.enabled()) {
            return false;
        }
        if (account.is(nl.samenspraak.security.Role.ADMIN)) {
            return true;
        }
        return account.is(nl.samenspraak.security.Role.MANAGER) && teams.teamIdsOf(account.id()).contains(teamId);
    }

    /** The fields as written for one place ({@link #WHOLE_TEAM} or a wijk) and language; empty texts when none. */
    public Map<String, String> fields(long teamId, String wijk, String language) {
        Map<String, String> fields = new LinkedHashMap<>();
        Optional<ContactRecord> row = contacts.findByTeamIdAndWijkAndLanguage(teamId, place(wijk), language);
        for (String field : TeamContact.FIELDS) {
            fields.put(field, row.map(r -> get(r, field)).orElse(""));
        }
        return fields;
    }

    /** Where the team wrote something: per place, the languages, Dutch first. */
    public Map<String, List<String>> written(long teamId) {
        Map<String, List<String>> written = new LinkedHashMap<>();
        contacts.findByTeamId(teamId).stream()
                .sorted(java.util.Comparator.comparing(ContactRecord::wijk)
                        .thenComparing(r -> TeamContact.DUTCH.equals(r.language()) ? "" : r.language()))
                .forEach(r -> written.computeIfAbsent(r.wijk(), k -> new ArrayList<>()).add(r.language()));
        return written;
    }

    /**
     * Saves what the team wrote for one place and language; all fields empty removes it. Refused (the reason in
     * words the page shows): an unknown team, wijk or language, a text too long, a phone number or e-mail address
     * that is not one. Its one write (an insert, an update or a delete) is a commit of its own, not in a transaction
     * with the reads before it: an insert that meets another save's row of the same moment has to be followed by an
     * update, which PostgreSQL refuses in the transaction the failed insert spoiled.
     */
    public void save(long teamId, String wijk, String language, Map<String, String> typed) {
        if (teams.find(teamId).isEmpty()) {
            throw new Refused("admin.team_not_found");
        }
        String place = place(wijk);
        if (!place.isEmpty() && !teams.wijken(teamId).contains(place)) {
            throw new Refused("admin.contact_wijk_unknown");
        }
        if (language == null || library.translations().language(language).isEmpty()) {
            throw new Refused("admin.contact_language_unknown");
        }
        Map<String, String> clean = new LinkedHashMap<>();
        for (String field : TeamContact.FIELDS) {
            String text = TeamContact.DUTCH.equals(language) || !LANGUAGE_FREE.contains(field)
                    ? TypedText.lines(typed.get(field)) : "";
            if (text.length() > MAX.get(field)) {
                throw new Refused("admin.contact_too_long", Map.of("field", field, "max", MAX.get(field)));
            }
            clean.put(field, text);
        }
        if (!clean.get("phone").isEmpty() && !PHONE.matcher(clean.get("phone")).matches()) {
            throw new Refused("admin.contact_phone_invalid");
        }
        if (!clean.get("email").isEmpty() && !EMAIL.matcher(clean.get("email")).matches()) {
            throw new Refused("admin.contact_email_invalid");
        }
        Optional<ContactRecord> old = contacts.findByTeamIdAndWijkAndLanguage(teamId, place, language);
        if (clean.values().stream().allMatch(String::isEmpty)) {
            old.ifPresent(contacts::delete);
            return;
        }
        ContactRecord row = new ContactRecord(old.map(ContactRecord::id).orElse(null), teamId, place, language,
                blankToNull(clean.get("desk")), blankToNull(clean.get("address")), blankToNull(clean.get("walk_in")),
                blankToNull(clean.get("phone")), blankToNull(clean.get("email")), blankToNull(clean.get("interpreter")),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        if (old.isPresent()) {
            contacts.update(row);
            return;
        }
        try {
            contacts.save(row);
        } catch (DataAccessException e) {
            if (!UniqueKeyTaken.in(e)) {
                throw e;
            }
            // saved for the same place and language at the same moment (another admin, another instance): this save
            // comes just after it, as one a moment later would
            ContactRecord theirs = contacts.findByTeamIdAndWijkAndLanguage(teamId, place, language).orElseThrow(() -> e);
            contacts.update(new ContactRecord(theirs.id(), row.teamId(), row.wijk(), row.language(), row.desk(),
                    row.address(), row.walkIn(), row.phone(), row.email(), row.interpreter(), row.updatedAt()));
        }
    }

    /** The details for a conversation of {@code teamId} in {@code wijk}: the wijk's where it has its own, else the team's. */
    @Override
    public Optional<TeamContact> of(long teamId, String wijk) {
        List<ContactRecord> rows;
        try {
            rows = contacts.findByTeamId(teamId);
        } catch (RuntimeException e) {
            // the answer is already stored: a result without the details beats an error that reads as "not stored"
            LOG.warn("Contact details of team {} could not be read; the result shows the generic advice: {}", teamId, nl.samenspraak.system.LoggedFailure.summary(e));
            return Optional.empty();
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String place = place(wijk);
        List<Map<String, Map<String, String>>> layers = new ArrayList<>();
        if (!place.isEmpty()) {
            layers.add(layer(rows, place));
        }
        layers.add(layer(rows, WHOLE_TEAM));
        return Optional.of(new TeamContact(layers));
    }

    private static Map<String, Map<String, String>> layer(List<ContactRecord> rows, String place) {
        Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();
        for (ContactRecord r : rows) {
            if (r.wijk().equals(place)) {
                Map<String, String> texts = new LinkedHashMap<>();
                for (String field : TeamContact.FIELDS) {
                    String text = get(r, field);
                    if (!text.isEmpty()) {
                        texts.put(field, text);
                    }
                }
                byLanguage.put(r.language(), texts);
            }
        }
        return byLanguage;
    }

    private static String place(String wijk) {
        return wijk == null ? WHOLE_TEAM : wijk.strip();
    }

    private static String get(ContactRecord r, String field) {
        String text = switch (field) {
            case "desk" -> r.desk();
            case "address" -> r.address();
            case "walk_in" -> r.walkIn();
            case "phone" -> r.phone();
            case "email" -> r.email();
            case "interpreter" -> r.interpreter();
            default -> throw new IllegalArgumentException(field);
        };
        return text == null ? "" : text;
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
