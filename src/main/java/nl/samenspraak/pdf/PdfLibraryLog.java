package nl.samenspraak.pdf;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.logging.Level;

/**
 * openhtmltopdf's log lines through the service's own logging ({@code system.LogSetup}): by default the library
 * writes them with java.util.logging straight to standard error, in a format of its own ("com.openhtmltopdf.load
 * INFO:: TIME: parse stylesheets 72ms"), a dozen for every PDF, beside the service's one-line format, where an
 * operator's log reader finds neither their time nor their level. Here each goes to the SLF4J logger named after
 * its category ({@code com.openhtmltopdf.load}), at the matching level, so the service's levels decide which are
 * written.
 */
final class PdfLibraryLog implements XRLogger {

    /** Makes openhtmltopdf log through this class from now on (idempotent). */
    static void install() {
        com.openhtmltopdf.util.XRLog.setLoggerImpl(new PdfLibraryLog());
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger logger = LoggerFactory.getLogger(where);
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            logger.error(msg, th);
        } else if (value >= Level.WARNING.intValue()) {
            logger.warn(msg, th);
        } else if (value >= Level.INFO.intValue()) {
            logger.info(msg, th);
        } else if (value >= Level.FINE.intValue()) {
            logger.debug(msg, th);
        } else {
            logger.trace(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // the levels are the service's (LogSetup), not the library's
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int value = diagnostic.getLevel().intValue();
        return value >= Level.SEVERE.intValue() ? logger.isErrorEnabled()
                : value >= Level.WARNING.intValue() ? logger.isWarnEnabled()
                : value >= Level.INFO.intValue() ? logger.isInfoEnabled()
                : value >= Level.FINE.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
    }
}
