package nl.samenspraak.team;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.samenspraak.i18n.TypedText;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Refused;
import nl.samenspraak.security.Role;
import nl.samenspraak.storage.ResumeCodes;
import nl.samenspraak.system.UniqueKeyTaken;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Teams: their names and wijken, their join codes, and the managers and intermediairs who work for them.
 * A join code is 16 characters from an alphabet without look-alikes (about 79 random bits): unguessable.
 */
@Singleton
public class Teams {
    static final int CODE_LENGTH = 16;
    static final int MAX_NAME = 100;
    static final int MAX_WIJKEN = 50;

    private final TeamRepository teams;
    private final TeamWijkRepository wijken;
    private final TeamMemberRepository members;
    private final Accounts accounts;

    public Teams(TeamRepository teams, TeamWijkRepository wijken, TeamMemberRepository members, Accounts accounts) {
        this.teams = teams;
        this.wijken = wijken;
        this.members = members;
        this.accounts = accounts;
    }

    @Transactional
    public Team create(String name, List<String> wijkNames) {
        String clean = name(name, null);
        List<String> wijkList = wijken(wijkNames);
        Team team;
        try {
            team = teams.save(new Team(null, clean, ResumeCodes.next(CODE_LENGTH), Instant.now().truncatedTo(ChronoUnit.MICROS)));
        } catch (DataAccessException e) {
            throw nameTakenMeanwhile(e, clean);
        }
        saveWijken(team.id(), wijkList);
        return team;
    }

    @Transactional
    public void update(long id, String name, List<String> wijkNames) {
        require(id);
        String clean = name(name, id);
        try {
            teams.updateName(id, clean);
        } catch (DataAccessException e) {
            throw nameTakenMeanwhile(e, clean);
        }
        List<String> wijkList = wijken(wijkNames);
        wijken.deleteByTeamId(id);
        saveWijken(id, wijkList);
    }

    /** A new join code: the old link (and its QR code) stops working. */
    public Team renewJoinCode(long id) {
        require(id);
        teams.updateJoinCode(id, ResumeCodes.next(CODE_LENGTH));
        return require(id);
    }

    /** Only a team without conversations can go: answers stay counted under their team. */
    public void delete(long id) {
        require(id);
        long counted = teams.countConversations(id);
        if (counted > 0) {
            // no count: the admin pages never give an exact number of conversations (minimum group size)
            throw new Refused("admin.team_has_conversations", Map.of());
        }
        teams.deleteById(id);
    }

    public Optional<Team> find(long id) {
        return teams.findById(id);
    }

    /** The team of a join code, typed or copied as any code is ({@link ResumeCodes#comparable}). */
    public Optional<Team> byJoinCode(String code) {
        return code == null || code.length() > 32 ? Optional.empty() : teams.findByJoinCode(ResumeCodes.comparable(code));
    }

    public List<Team> all() {
        return teams.listOrderByName();
    }

    public List<String> wijken(long teamId) {
        return wijken.findByTeamIdOrderByPosition(teamId).stream().map(TeamWijk::name).toList();
    }

    /**
     * How many conversations are counted under the team, finished or not: for the team's deletion and for checks,
     * never shown (an admin who starts k-1 through the join link would see it cross k when one other person began).
     */
    public long conversations(long teamId) {
        return teams.countConversations(teamId);
    }

    /** Managers and intermediairs only: an admin sees every team anyway. */
    public void addMember(long teamId, long accountId) {
        require(teamId);
        Account account = accounts.find(accountId).orElseThrow(() -> new Refused("admin.account_not_found"));
        if (account.is(Role.ADMIN)) {
            throw new Refused("admin.member_not_admin");
        }
        if (!members.existsByAccountIdAndTeamId(accountId, teamId)) {
            try {
                members.save(new TeamMember(null, accountId, teamId));
            } catch (DataAccessException e) {
                // put in the team at the same moment elsewhere (another admin, another instance): it is a member
                if (!UniqueKeyTaken.in(e)) {
                    throw e;
                }
            }
        }
    }

    public void removeMember(long teamId, long accountId) {
        members.deleteByAccountIdAndTeamId(accountId, teamId);
    }

    public List<Long> memberIds(long teamId) {
        return members.findByTeamId(teamId).stream().map(TeamMember::accountId).toList();
    }

    /** The teams an account works for. */
    public List<Long> teamIdsOf(long accountId) {
        return members.findByAccountId(accountId).stream().map(TeamMember::teamId).toList();
    }

    private Team require(long id) {
        return teams.findById(id).orElseThrow(() -> new Refused("admin.team_not_found"));
    }

    private String name(String typed, Long self) {
        String name = TypedText.line(typed);
        if (name.isEmpty()) {
            throw new Refused("admin.team_name_empty");
        }
        if (name.length() > MAX_NAME) {
            throw new Refused("admin.team_name_invalid", Map.of("max", MAX_NAME));
        }
        // "Team Oost" beside "team oost": two teams an admin, a manager or an intermediair cannot tell apart in a list
        Optional<Team> same = teams.findByNameInAnyCase(name).stream().filter(t -> !t.id().equals(self)).findFirst();
        if (same.isPresent()) {
            throw new Refused("admin.team_name_taken", Map.of("name", same.get().name()));
        }
        return name;
    }

    /**
     * A team saved under a name another team took after {@link #name} looked (two admins, or a form sent twice, at the
     * same moment: {@link UniqueKeyTaken}) is refused as a name taken; the join code, 16 random characters, is the
     * table's only other unique key.
     */
    private static RuntimeException nameTakenMeanwhile(DataAccessException e, String name) {
        return UniqueKeyTaken.in(e) ? new Refused("admin.team_name_taken", Map.of("name", name)) : e;
    }

    /** Trimmed, without empty lines or repeats (ignoring case), each at most 100 characters, at most 50. */
    private static List<String> wijken(List<String> typed) {
        Map<String, String> unique = new LinkedHashMap<>();
        for (String w : typed) {
            String wijk = TypedText.line(w);
            if (wijk.length() > MAX_NAME) {
                throw new Refused("admin.wijk_too_long", Map.of("max", MAX_NAME));
            }
            if (!wijk.isEmpty()) {
                unique.putIfAbsent(wijk.toLowerCase(Locale.ROOT), wijk);
            }
        }
        if (unique.size() > MAX_WIJKEN) {
            throw new Refused("admin.too_many_wijken", Map.of("max", MAX_WIJKEN));
        }
        return new ArrayList<>(unique.values());
    }

    private void saveWijken(long teamId, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            wijken.save(new TeamWijk(null, teamId, names.get(i), i));
        }
    }
}
