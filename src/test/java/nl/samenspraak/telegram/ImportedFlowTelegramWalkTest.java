package nl.samenspraak.telegram;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.samenspraak.xlsform.ImportedSampleFolders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The imported XLSForm sample walked on Telegram exactly as every bundled flow is (tapping and typing only, a
 * wrong number and date first, every Arabic line right to left), in Dutch and in Arabic. Only that walk runs
 * here: the bundled flows' walks and the command check are in {@link TelegramFlowWalkTest}.
 */
@MicronautTest(transactional = false)
class ImportedFlowTelegramWalkTest extends FlowWalkOnTelegram {
    ImportedFlowTelegramWalkTest() {
        super("123457:imported-walk-test-token", ImportedSampleFolders.properties());
    }

    @ParameterizedTest(name = "buurt-peiling in {0}")
    @ValueSource(strings = {"nl", "ar"})
    void theImportedFormIsCompletedOnTelegram(String language) {
        walk(ImportedSampleFolders.FLOW, language);
    }
}
