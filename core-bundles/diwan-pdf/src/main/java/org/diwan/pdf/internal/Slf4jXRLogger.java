package org.diwan.pdf.internal;

import java.util.logging.Level;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;

/**
 * Sends openhtmltopdf's messages to SLF4J (by default it writes them to standard error through its own
 * java.util.logging handler). Its per-document chatter (fonts loaded, timings) is debug; what is wrong with a
 * document (CSS it ignores, a refused image) is a warning. Loggers are named {@code com.openhtmltopdf.<where>}.
 */
final class Slf4jXRLogger implements XRLogger {

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger logger = LoggerFactory.getLogger(where);
        int value = level.intValue();
        if (value >= Level.WARNING.intValue()) {
            logger.warn(msg, th);
        } else if (value >= Level.CONFIG.intValue()) {
            logger.debug(msg, th);
        } else {
            logger.trace(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels are the logging system's business (etc/org.ops4j.pax.logging.cfg)
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int value = diagnostic.getLevel().intValue();
        if (value >= Level.WARNING.intValue()) {
            return logger.isWarnEnabled();
        }
        return value >= Level.CONFIG.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
    }
}
