package org.lankit.upstream;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in any text that may be logged, shown on the panel or sent to devices: the known
 * ones (the API token, credentials in the API address) wherever they appear, and anything that
 * looks like one: {@code Bearer …}, {@code user:pass@} in an address, and the values of
 * {@code key}, {@code token}, {@code secret}, {@code password}, {@code api_key} and
 * {@code access_token} in a query or in JSON, and the path segment after {@code /key/} (ODK Central's
 * app-user token lives there: {@code /v1/key/<token>/projects/1}). A hidden value becomes {@code •••} followed by its
 * last 4 characters when it is long enough that they give nothing away. Stateless and thread-safe.
 */
public final class Redaction {

    static final String HIDDEN = "•••";
    /** Shorter secrets are hidden whole: their last 4 characters would be too much of them. */
    private static final int SHOW_TAIL_FROM = 12;
    private static final String NAMES = "api[_-]?key|access[_-]?token|refresh[_-]?token|client[_-]?secret|token|secret|"
            + "password|passwd|pwd|key|sig|signature";
    private static final Pattern QUERY_VALUE = Pattern.compile(
            "(?i)(?<![A-Za-z0-9_-])(" + NAMES + ")=([^&\\s\"'#<>,;)]+)");
    private static final Pattern JSON_VALUE = Pattern.compile(
            "(?i)(\"(?:" + NAMES + "|authorization)\"\\s*:\\s*\")([^\"]+)");
    private static final Pattern SCHEME_SECRET = Pattern.compile("(?i)\\b(Bearer|Basic|Token)(\\s+)([A-Za-z0-9._~+/=-]{4,})");
    /** ODK Central's app-user address: {@code …/v1/key/<token>/projects/N}. */
    private static final Pattern PATH_KEY = Pattern.compile("(/key/)([^/\\s?#\"'<>]{4,})");
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/\\s@?#]+)@");

    private Redaction() {
    }

    /** A secret as it may be shown: {@code •••} and its last 4 characters (nothing of a short one). */
    public static String masked(String secret) {
        if (secret == null || secret.isEmpty()) return "";
        return secret.length() < SHOW_TAIL_FROM ? HIDDEN : HIDDEN + secret.substring(secret.length() - 4);
    }

    /** {@code text} with the given secrets and anything that looks like a credential hidden; null stays null. */
    public static String text(String text, Collection<String> secrets) {
        if (text == null) return null;
        String out = text;
        List<String> known = secrets.stream().filter(Objects::nonNull).filter(s -> s.length() >= 4)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String secret : known) out = out.replace(secret, masked(secret));
        out = replace(USER_INFO, out, m -> m.group(1) + HIDDEN + "@");
        out = replace(PATH_KEY, out, m -> m.group(1) + hide(m.group(2)));
        out = replace(SCHEME_SECRET, out, m -> m.group(1) + m.group(2) + hide(m.group(3)));
        out = replace(QUERY_VALUE, out, m -> m.group(1) + "=" + hide(m.group(2)));
        return replace(JSON_VALUE, out, m -> m.group(1) + hide(m.group(2)));
    }

    /** {@code text} with anything that looks like a credential hidden. */
    public static String text(String text) {
        return text(text, List.of());
    }

    /** The credentials an address carries: its {@code user:pass}, a {@code /key/<token>} path segment and the values of secret-like query parameters. */
    public static List<String> secretsIn(URI url) {
        List<String> found = new ArrayList<>();
        if (url.getRawPath() != null) {
            Matcher key = PATH_KEY.matcher(url.getRawPath());
            while (key.find()) found.add(key.group(2));
        }
        if (url.getRawUserInfo() != null) {
            found.add(url.getRawUserInfo());
            found.add(url.getUserInfo());
        }
        if (url.getRawQuery() != null) {
            Matcher m = QUERY_VALUE.matcher(url.getRawQuery());
            while (m.find()) found.add(m.group(2));
        }
        if (url.getQuery() != null) {
            Matcher m = QUERY_VALUE.matcher(url.getQuery());
            while (m.find()) found.add(m.group(2));
        }
        return found;
    }

    /** A value already masked (from a known secret) stays as it is. */
    private static String hide(String value) {
        return value.startsWith(HIDDEN) ? value : masked(value);
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) return text;
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
