package nl.samenspraak.admin;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.samenspraak.flow.load.DataFiles;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.Role;
import nl.samenspraak.support.FileAccepts;
import nl.samenspraak.support.PageHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flow the service serves but XLSForm cannot say (a step with three ways out; XLSForm only skips ahead) is refused as
 * a download with the page the admin's other refusals are: 422, in the admin's language (the address's {@code lang},
 * else the browser's), naming the flow, the step and why, and leading back to the questionnaires. It was a line of
 * plain text with the flow file's path and line, whatever the language.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnwritableFlowDownloadTest implements TestPropertyProvider {
    static final String PASSWORD = "a long enough password";
    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path dir = Files.createTempDirectory("unwritable-flows");
            for (String folder : new String[]{"flows", "locales"}) {
                for (Map.Entry<String, String> e : DataFiles.readBundled(folder).entrySet()) {
                    Path target = dir.resolve(e.getKey());
                    Files.createDirectories(target.getParent());
                    String text = e.getValue();
                    if (e.getKey().equals("flows/voorbeeld.yaml")) {
                        String otherwise = "      - goto: houding\n";
                        String threeWays = "      - if: \"answers.tolk == 'nee'\"\n        goto: houding\n" + otherwise;
                        if (!text.contains(otherwise)) {
                            throw new IllegalStateException("the example flow's ways out of tolk have changed");
                        }
                        text = text.replace(otherwise, threeWays); // XLSForm's relevant skips ahead: one condition, one way else
                    }
                    Files.writeString(target, text);
                }
            }
            return Map.of("samenspraak.flows-dir", dir.resolve("flows").toString(),
                    "samenspraak.locales-dir", dir.resolve("locales").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFlowXlsFormCannotSayIsRefusedWithTheAdminsPageInTheirLanguage() {
        PageHttp http = new PageHttp(server.getURL().toString());
        String admin = http.login(accounts.create("unwritable-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD,
                Role.ADMIN).username(), PASSWORD);
        Function<java.net.http.HttpRequest.Builder, java.net.http.HttpRequest.Builder> asAdmin = r -> r.header("Cookie", admin);
        String path = "/admin/questionnaires/flows/voorbeeld.xlsx";

        PageHttp.Reply dutch = http.get(path + "?lang=nl", admin);
        assertEquals(422, dutch.status(), dutch.body());
        assertTrue(dutch.header("Content-Type").startsWith("text/html"), dutch.header("Content-Type"));
        assertTrue(dutch.body().contains("<h1>Download als XLSForm</h1>"), dutch.body());
        assertTrue(dutch.body().contains("Van „Voorbeeld” is geen XLSForm te maken, want stap 'tolk' kan niet als XLSForm "
                + "geschreven worden: de wegen eruit zijn niet één voorwaarde en één weg anders. Het gesprek zelf werkt gewoon."),
                dutch.body());
        assertTrue(dutch.body().contains("href=\"/admin/questionnaires?lang=nl\">Vragenlijsten</a>"), dutch.body());
        assertFalse(dutch.body().contains("voorbeeld.yaml"), "no file's path: " + dutch.body());

        // the browser's language where the address names none, as the error pages
        PageHttp.Reply arabic = http.send(http.request(path).header("Accept", PageHttp.HTML).header("Accept-Language", "ar")
                .header("Cookie", admin).GET());
        assertEquals(422, arabic.status(), arabic.body());
        assertTrue(arabic.body().contains("<html lang=\"ar\" dir=\"rtl\">"), arabic.body());
        assertTrue(arabic.body().contains("لا يمكن إنشاء ملف"), arabic.body());
        assertTrue(arabic.body().contains("لا يمكن كتابة الخطوة"), arabic.body());

        // every client gets the page, labelled as one: a spreadsheet tool, curl, a browser
        FileAccepts.XLSX.assertError(http, path + "?lang=en", asAdmin, 422,
                "No XLSForm can be made of \"Example\", because step 'tolk' can't be written as XLSForm");
        // the other flows are written as ever
        FileAccepts.XLSX.assertFile(http, "/admin/questionnaires/flows/wijkanalyse.xlsx", asAdmin);
    }
}
