package org.lankit.app;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.lankit.upstream.Redaction;

/**
 * The log message with anything that looks like a credential hidden ({@link Redaction}): the
 * last guard for lankit.log, behind the redaction where secrets are known. Used in logback.xml as
 * {@code %redactedMsg}.
 */
public final class RedactedMessage extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Redaction.text(event.getFormattedMessage());
    }
}
