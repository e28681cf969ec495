package nl.samenspraak.dashboard;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.bind.binders.PostponedRequestArgumentBinder;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import nl.samenspraak.security.Account;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;

import java.util.Optional;

/**
 * Binds a {@link VisibleTeam} argument from the route's {@code {id}} and the login, or refuses the request with
 * {@link NotYourTeam}. Postponed until the body is read, so the refusal of a posted form can answer in the
 * form's language.
 */
@Singleton
public class VisibleTeamBinder implements TypedRequestArgumentBinder<VisibleTeam>, PostponedRequestArgumentBinder<VisibleTeam> {
    private final TeamDashboards dashboards;
    private final Accounts accounts;

    public VisibleTeamBinder(TeamDashboards dashboards, Accounts accounts) {
        this.dashboards = dashboards;
        this.accounts = accounts;
    }

    @Override
    public Argument<VisibleTeam> argumentType() {
        return Argument.of(VisibleTeam.class);
    }

    @Override
    public BindingResult<VisibleTeam> bind(ArgumentConversionContext<VisibleTeam> context, HttpRequest<?> request) {
        Optional<Authentication> me = request.getUserPrincipal(Authentication.class);
        Optional<Long> id = BasicHttpAttributes.getRouteMatchInfo(request)
                .map(route -> route.getVariableValues().get("id")).flatMap(VisibleTeamBinder::number);
        Optional<Account> account = me.flatMap(m -> accounts.find(Accounts.idOf(m)));
        if (account.isEmpty() || id.isEmpty()) {
            throw new NotYourTeam();
        }
        // a manager is told the same of a team that is not theirs and one that does not exist (nothing to learn about
        // other teams); an admin sees every team, so to them a team they cannot see simply does not exist
        VisibleTeam team = dashboards.team(account.get(), id.get()).map(t -> new VisibleTeam(t, account.get()))
                .orElseThrow(() -> account.get().is(Role.ADMIN) ? new HttpStatusException(HttpStatus.NOT_FOUND, "not found") : new NotYourTeam());
        return () -> Optional.of(team);
    }

    private static Optional<Long> number(Object value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Long.parseLong(value.toString()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
