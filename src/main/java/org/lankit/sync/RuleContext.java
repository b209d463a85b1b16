package org.lankit.sync;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The day and time form expressions see (today(), now()): given by the caller, so that the
 * master, the laptops and the test vectors decide alike. {@code today} is "YYYY-MM-DD",
 * {@code now} an ISO local date-time "YYYY-MM-DDTHH:MM:SS".
 */
public record RuleContext(String today, String now) {

    private static final DateTimeFormatter NOW = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** The day and time at {@code moment}, in its zone. */
    public static RuleContext at(ZonedDateTime moment) {
        ZonedDateTime t = moment.truncatedTo(ChronoUnit.SECONDS);
        return new RuleContext(t.toLocalDate().toString(), NOW.format(t));
    }

    /** The day and time now on {@code clock}, in the clock's zone. */
    public static RuleContext now(Clock clock) {
        return at(ZonedDateTime.now(clock));
    }
}
