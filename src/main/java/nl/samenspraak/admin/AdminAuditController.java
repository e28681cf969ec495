package nl.samenspraak.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import nl.samenspraak.audit.AuditLog;
import nl.samenspraak.conversation.ConversationSettings;
import nl.samenspraak.pages.PageLanguage;
import nl.samenspraak.security.Role;
import nl.samenspraak.web.Pages;

import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The audit log for the admin: the newest events (logins, exports, admin changes), newest first. */
@Hidden
@Controller("/admin/audit")
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminAuditController {
    private static final int SHOWN = 500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditLog audit;
    private final Pages pages;
    private final AdminPages admin;
    private final ConversationSettings settings;

    public AdminAuditController(AuditLog audit, Pages pages, AdminPages admin, ConversationSettings settings) {
        this.audit = audit;
        this.pages = pages;
        this.admin = admin;
        this.settings = settings;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> list(HttpRequest<?> request, Authentication me, @PageLanguage String language) {
        Map<String, Object> model = admin.model(language, null, null);
        Map<String, String> words = pages.words(language, "admin");
        model.put("events", audit.latest(SHOWN).stream().map(e -> Map.of(
                "when", WHEN.format(e.at().atZone(settings.zone())),
                "kind", words.getOrDefault("audit_" + e.kind(), e.kind()),
                "account", e.account(),
                "client", e.client(),
                "detail", e.detail())).toList());
        return AdminPages.show("admin/audit", model, HttpStatus.OK);
    }
}
