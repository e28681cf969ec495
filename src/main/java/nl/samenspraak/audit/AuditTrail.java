package nl.samenspraak.audit;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import nl.samenspraak.limits.ClientAddress;

import java.security.Principal;

/**
 * Writes the audit log in one place, for every route it covers, so a new admin page or export is audited without
 * anyone remembering to: a login (as {@code POST /login} ended: 303 in, 401 wrong, 429 locked; the typed name is left
 * by the login page in {@link #USERNAME}), an export that was served, every admin change that went through (a
 * POST under /admin answered with a redirect), and every manager change (a POST under /dashboard answered with a
 * redirect: a team action, a theme on a free text, a record flow started), and an admin change the state refused (409:
 * deleting a team that has conversations). The detail is the method and path: ids, never what was typed.
 */
@ServerFilter(patterns = "/login/?|/(admin|dashboard)(/.*)?", patternStyle = FilterPatternStyle.REGEX) // as SameOriginCheck's
public class AuditTrail {
    /** The request attribute where the login page leaves the name that was typed. */
    public static final String USERNAME = "samenspraak.audit.username";

    private final AuditLog log;
    private final ClientAddress clients;

    public AuditTrail(AuditLog log, ClientAddress clients) {
        this.log = log;
        this.clients = clients;
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void audit(HttpRequest<?> request, HttpResponse<?> response) {
        String path = withoutTrailingSlash(request.getPath()); // the router takes /login/ for /login
        int status = response.code();
        String account = request.getUserPrincipal().map(Principal::getName).orElse(null);
        if (path.equals("/login") && request.getMethod() == HttpMethod.POST) {
            String typed = request.getAttribute(USERNAME, String.class).orElse(null);
            AuditLog.Kind kind = status == 303 ? AuditLog.Kind.LOGIN_OK : status == 429 ? AuditLog.Kind.LOGIN_LOCKED
                    : status == 401 ? AuditLog.Kind.LOGIN_FAILED : null;
            if (kind != null) {
                log.record(kind, typed, clients.of(request), "POST /login");
            }
        } else if (path.startsWith("/dashboard/") && (path.endsWith("/export.csv") || path.endsWith("/export.xlsx")
                || path.endsWith("/export-texts.csv") || path.endsWith("/report.pdf"))
                && status == 200) {
            log.record(AuditLog.Kind.EXPORT, account, clients.of(request), "GET " + path + query(request));
        } else if (path.startsWith("/admin/") && request.getMethod() == HttpMethod.POST && status >= 300 && status < 400) {
            log.record(AuditLog.Kind.ADMIN_CHANGE, account, clients.of(request), "POST " + path);
        } else if (path.startsWith("/admin/") && request.getMethod() == HttpMethod.POST && status == 409) {
            // a change the state refused: deleting a team that has conversations says one began there, which the
            // admin pages do not say (the privacy probe of December 2026); asking leaves a trace
            log.record(AuditLog.Kind.ADMIN_REFUSED, account, clients.of(request), "POST " + path);
        } else if (path.startsWith("/dashboard/") && request.getMethod() == HttpMethod.POST && status >= 300 && status < 400) {
            // a manager's change to the team's own records: an agreed action, a theme on a free text
            log.record(AuditLog.Kind.MANAGER_CHANGE, account, clients.of(request), "POST " + path);
        }
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The selection of an export (period, wijk, version): which figures went out. */
    private static String query(HttpRequest<?> request) {
        String q = request.getUri().getRawQuery();
        return q == null ? "" : "?" + q;
    }
}
