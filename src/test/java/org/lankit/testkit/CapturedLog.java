package org.lankit.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * What the kit logs through the named loggers while this is open, kept instead of
 * printed: a test that provokes a failure asserts what the kit said about it, and the build's
 * output shows only what nobody expected. Lines are {@code LEVEL message}, with the exception's
 * class and message when one was logged (never its stack). Closing puts the loggers back.
 */
public final class CapturedLog implements AutoCloseable {

    private final List<Logger> loggers = new ArrayList<>();
    private final List<Boolean> additive = new ArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            var thrown = event.getThrowableProxy();
            lines.add(event.getLevel() + " " + event.getFormattedMessage()
                    + (thrown == null ? "" : " (" + thrown.getClassName() + ": " + thrown.getMessage() + ")"));
        }
    };

    private CapturedLog(String... names) {
        appender.start();
        for (String name : names) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            loggers.add(logger);
            additive.add(logger.isAdditive());
            logger.addAppender(appender);
            logger.setAdditive(false);
        }
    }

    /**
     * Captures what the loggers {@code names} log from now until closed. The kit's loggers are
     * named after their classes ({@code "org.lankit.hub.ErrorMapper"}); many are package-private.
     */
    public static CapturedLog of(String... names) {
        return new CapturedLog(names);
    }

    /** Every captured line, in order. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The captured lines at {@code level}. */
    public List<String> lines(Level level) {
        String prefix = level + " ";
        return lines.stream().filter(l -> l.startsWith(prefix)).toList();
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).detachAppender(appender);
            loggers.get(i).setAdditive(additive.get(i));
        }
        appender.stop();
    }
}
