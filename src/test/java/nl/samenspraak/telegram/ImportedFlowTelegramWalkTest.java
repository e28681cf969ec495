package nl.samenspraak.telegram;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.samenspraak.xlsform.ImportedSampleFolders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


/**
 * The imported XLSForm sample walked on Telegram exactly as every bundled flow is (tapping and typing only, a
 * wrong number and date first, every Arabic line right to left), in Dutch and in Arabic. Only that walk runs
 * here: the bundled flows' walks and the command check stay in {@link TelegramFlowWalkTest}.
 */
@MicronautTest(transactional = false)
class ImportedFlowTelegramWalkTest extends TelegramFlowWalkTest {
    ImportedFlowTelegramWalkTest() {
        super("123457:imported-walk-test-token", ImportedSampleFolders.properties());
    }

    @ParameterizedTest(name = "buurt-peiling in {0}")
    @ValueSource(strings = {"nl", "ar"})
    void theImportedFormIsCompletedOnTelegram(String language) {
        super.aFlowIsCompletedByTappingAndTypingOnly(ImportedSampleFolders.FLOW, language);
    }

    /** Not a test here (no annotation): the bundled flows are walked in the parent class. */
    @Override
    void aFlowIsCompletedByTappingAndTypingOnly(String flowId, String language) {
        super.aFlowIsCompletedByTappingAndTypingOnly(flowId, language);
    }

    /** Not a test here: checked in the parent class. */
    @Override
    void theCommandsAreRegisteredInEveryLanguage() {
        super.theCommandsAreRegisteredInEveryLanguage();
    }
}
