package nl.samenspraak.team;

import jakarta.inject.Inject;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.StartConversation;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Refused;
import nl.samenspraak.security.Role;
import nl.samenspraak.storage.ConversationRepository;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Teams, their people and their conversations, on every database we support (one subclass per database). */
abstract class TeamsContract {
    @Inject
    Teams teams;
    @Inject
    Accounts accounts;
    @Inject
    StartConversation startConversation;
    @Inject
    ConversationRepository stored;

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aTeamKeepsItsWijkenInOrderCleanedAndGetsAnUnguessableCode() {
        Team team = teams.create("  " + unique("Wijkteam Noord") + " ", List.of(" Oost ", "", "West", "oost", "Centrum"));
        assertEquals(team.name().strip(), team.name());
        assertEquals(List.of("Oost", "West", "Centrum"), teams.wijken(team.id()));
        assertTrue(team.joinCode().matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{16}"), team.joinCode());
        assertEquals(team.id(), teams.byJoinCode(team.joinCode().toLowerCase()).orElseThrow().id());

        teams.update(team.id(), "Wijkteam Zuid " + team.id(), List.of("Centrum", "Haven"));
        assertEquals("Wijkteam Zuid " + team.id(), teams.find(team.id()).orElseThrow().name());
        assertEquals(List.of("Centrum", "Haven"), teams.wijken(team.id()));
    }

    @Inject
    TeamContacts contacts;

    /** A team's contact details for residents: stored per place and language, read back in layers, wijk first. */
    @Test
    void contactDetailsAreStoredPerPlaceAndLanguageAndReadWijkFirst() {
        Team team = teams.create(unique("Wijkteam Contact"), List.of("Oost", "West"));
        assertTrue(contacts.of(team.id(), "Oost").isEmpty(), "nothing written: nothing to show");
        contacts.save(team.id(), "", "nl", java.util.Map.of("desk", " Loket \u202ENoord ", "address", "Kerkstraat 1",
                "phone", "030 123 45 67"));
        contacts.save(team.id(), "", "tr", java.util.Map.of("desk", "Kuzey masası", "phone", "999"));
        contacts.save(team.id(), "Oost", "nl", java.util.Map.of("address", "Buurthuis Oost"));
        assertEquals("Loket Noord", contacts.fields(team.id(), "", "nl").get("desk"), "direction controls gone, trimmed");
        assertEquals("", contacts.fields(team.id(), "", "tr").get("phone"), "a phone number is kept with the Dutch only");
        assertEquals(List.of(
                        new nl.samenspraak.result.TeamContact.Detail("desk", "Kuzey masası", "tr"),
                        new nl.samenspraak.result.TeamContact.Detail("address", "Buurthuis Oost", "nl"),
                        new nl.samenspraak.result.TeamContact.Detail("phone", "030 123 45 67", "nl")),
                contacts.of(team.id(), "Oost").orElseThrow().in("tr"));
        assertEquals("Kerkstraat 1", contacts.of(team.id(), "West").orElseThrow().in("nl").get(1).text(), "West has none of its own");
        assertEquals(java.util.Map.of("", List.of("nl", "tr"), "Oost", List.of("nl")), contacts.written(team.id()));

        contacts.save(team.id(), "Oost", "nl", java.util.Map.of("address", " "));
        assertEquals(java.util.Map.of("", List.of("nl", "tr")), contacts.written(team.id()), "all empty: removed");
        assertEquals("admin.contact_too_long", assertThrows(Refused.class, () -> contacts.save(team.id(), "", "nl",
                java.util.Map.of("desk", "d".repeat(TeamContacts.MAX.get("desk") + 1)))).key());
        assertEquals("admin.contact_wijk_unknown", assertThrows(Refused.class, () -> contacts.save(team.id(), "Noord", "nl",
                java.util.Map.of("desk", "x"))).key());
        assertEquals("admin.contact_language_unknown", assertThrows(Refused.class, () -> contacts.save(team.id(), "", "xx",
                java.util.Map.of("desk", "x"))).key());
        assertEquals("admin.contact_phone_invalid", assertThrows(Refused.class, () -> contacts.save(team.id(), "", "nl",
                java.util.Map.of("phone", "bel ons"))).key());
    }

    @Test
    void aNameIsNeededAndUnique() {
        Team team = teams.create(unique("Team"), List.of());
        assertEquals("admin.team_name_empty", assertThrows(Refused.class, () -> teams.create("  ", List.of())).key(),
                "a blank name is said as none, not as one too long");
        assertEquals("admin.team_name_invalid", assertThrows(Refused.class, () -> teams.create("t".repeat(101), List.of())).key());
        assertEquals("admin.team_name_taken", assertThrows(Refused.class, () -> teams.create(team.name(), List.of())).key());
        // "Team Oost" beside "team oost" could not be told apart in a list; the team keeps its own name on a change
        Refused inOtherCase = assertThrows(Refused.class, () -> teams.create(team.name().toUpperCase(java.util.Locale.ROOT), List.of()));
        assertEquals("admin.team_name_taken", inOtherCase.key());
        assertEquals(team.name(), inOtherCase.parameters().get("name"), "named as the team that has it");
        teams.update(team.id(), team.name().toLowerCase(java.util.Locale.ROOT), List.of());
        assertEquals("admin.wijk_too_long",
                assertThrows(Refused.class, () -> teams.create(unique("Team"), List.of("w".repeat(101)))).key());
    }

    /** A NUL was a 500 on PostgreSQL; a direction override would turn every sentence that names the team around. */
    @Test
    void controlCharactersInANameOrWijkBecomeSpacesAndDirectionControlsGo() {
        String name = unique("Wijk\u0000team");
        Team team = teams.create(name + "\u202E", List.of("O\u0000st\t ", "\u2066Zuid\u2069", "\u0001"));
        assertEquals(name.replace('\u0000', ' '), team.name());
        assertEquals(List.of("O st", "Zuid"), teams.wijken(team.id()));
        teams.update(team.id(), "Wijkteam\r\nWest " + team.id(), List.of("Haven\u0000"));
        assertEquals("Wijkteam West " + team.id(), teams.find(team.id()).orElseThrow().name());
        assertEquals(List.of("Haven"), teams.wijken(team.id()));
        assertEquals("admin.team_name_empty", assertThrows(Refused.class, () -> teams.create("\u0000\u202E", List.of())).key());
        // a wijk of an invisible character alone stood on the team's card as an empty name (the upload probe)
        teams.update(team.id(), "Wijkteam West " + team.id(), List.of("Haven", "\u200B", "Oo\u00ADst"));
        assertEquals(List.of("Haven", "Oost"), teams.wijken(team.id()));
    }

    @Test
    void aNewCodeEndsTheOldLink() {
        Team team = teams.create(unique("Team"), List.of());
        Team renewed = teams.renewJoinCode(team.id());
        assertNotEquals(team.joinCode(), renewed.joinCode());
        assertTrue(teams.byJoinCode(team.joinCode()).isEmpty());
        assertEquals(team.id(), teams.byJoinCode(renewed.joinCode()).orElseThrow().id());
    }

    @Test
    void managersAndIntermediairsJoinTeamsAdminsDoNot() {
        Team north = teams.create(unique("Noord"), List.of());
        Team south = teams.create(unique("Zuid"), List.of());
        Account manager = accounts.create(unique("manager").replace(' ', '-'), "a long enough password", Role.MANAGER);
        Account admin = accounts.create(unique("admin").replace(' ', '-'), "a long enough password", Role.ADMIN);
        teams.addMember(north.id(), manager.id());
        teams.addMember(south.id(), manager.id());
        teams.addMember(south.id(), manager.id());
        assertEquals(List.of(manager.id()), teams.memberIds(south.id()));
        assertEquals(List.of(north.id(), south.id()), teams.teamIdsOf(manager.id()).stream().sorted().toList());
        assertEquals("admin.member_not_admin", assertThrows(Refused.class, () -> teams.addMember(north.id(), admin.id())).key());

        teams.removeMember(north.id(), manager.id());
        assertEquals(List.of(south.id()), teams.teamIdsOf(manager.id()));
        accounts.delete(admin.id(), manager.id());
        assertEquals(List.of(), teams.memberIds(south.id()), "a deleted account leaves its teams");
    }

    @Test
    void aConversationCountsUnderItsTeamWhichThenCannotBeDeleted() {
        Team team = teams.create(unique("Team"), List.of("Oost"));
        Turn turn = startConversation.start("voorbeeld", "nl", Channel.WEB, new Origin(team.id(), "Oost"));
        assertEquals(Turn.Kind.OK, turn.kind());
        var row = stored.findById(turn.state().id()).orElseThrow();
        assertEquals(team.id(), row.teamId());
        assertEquals("Oost", row.wijk());
        assertEquals(1, teams.conversations(team.id()));
        assertEquals("admin.team_has_conversations", assertThrows(Refused.class, () -> teams.delete(team.id())).key());

        Turn plain = startConversation.start("voorbeeld", "nl", Channel.API);
        assertNull(stored.findById(plain.state().id()).orElseThrow().teamId(), "other channels count under no team");

        Team empty = teams.create(unique("Leeg"), List.of("Oost"));
        teams.delete(empty.id());
        assertTrue(teams.find(empty.id()).isEmpty());
    }

    @Test
    void everyChangeToAnAccountEndsItsSessions() {
        Account admin = accounts.create(unique("admin").replace(' ', '-'), "a long enough password", Role.ADMIN);
        Account manager = accounts.create(unique("manager").replace(' ', '-'), "a long enough password", Role.MANAGER);
        long version = manager.sessionVersion();
        version = assertRaised(version, accounts.resetPassword(admin.id(), manager.id(), "another long password"));
        version = assertRaised(version, accounts.setRole(admin.id(), manager.id(), Role.INTERMEDIAIR));
        version = assertRaised(version, accounts.setEnabled(admin.id(), manager.id(), false));
        accounts.endSessions(manager.id());
        assertRaised(version, accounts.find(manager.id()).orElseThrow());
        assertEquals("admin.not_yourself", assertThrows(Refused.class, () -> accounts.setEnabled(admin.id(), admin.id(), false)).key());
    }

    private static long assertRaised(long before, Account after) {
        assertTrue(after.sessionVersion() > before, "session version raised");
        return after.sessionVersion();
    }
}
