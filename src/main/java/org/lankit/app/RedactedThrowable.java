package org.lankit.app;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import org.lankit.upstream.Redaction;

/**
 * A logged exception with anything that looks like a credential hidden in its messages
 * ({@link Redaction}). Used in logback.xml as {@code %redactedEx}.
 */
public final class RedactedThrowable extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return Redaction.text(super.throwableProxyToString(proxy));
    }
}
