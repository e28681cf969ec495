package nl.samenspraak.team;

import jakarta.inject.Inject;
import nl.samenspraak.conversation.ConversationService;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.Turn;
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
    ConversationService conversations;
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

    @Test
    void aNameIsNeededAndUnique() {
        Team team = teams.create(unique("Team"), List.of());
        assertEquals("admin.team_name_invalid", assertThrows(Refused.class, () -> teams.create("  ", List.of())).key());
        assertEquals("admin.team_name_taken", assertThrows(Refused.class, () -> teams.create(team.name(), List.of())).key());
        assertEquals("admin.wijk_too_long",
                assertThrows(Refused.class, () -> teams.create(unique("Team"), List.of("w".repeat(101)))).key());
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
        Turn turn = conversations.start("voorbeeld", "nl", "web", new Origin(team.id(), "Oost"));
        assertEquals(Turn.Kind.OK, turn.kind());
        var row = stored.findById(turn.state().id()).orElseThrow();
        assertEquals(team.id(), row.teamId());
        assertEquals("Oost", row.wijk());
        assertEquals(1, teams.conversations(team.id()));
        assertEquals("admin.team_has_conversations", assertThrows(Refused.class, () -> teams.delete(team.id())).key());

        Turn plain = conversations.start("voorbeeld", "nl", "api");
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
