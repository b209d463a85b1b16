package org.lankit.upstream;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where entries go: a team server's address and its credentials, a token (empty: none) or a user
 * name and password (empty user: none). Which header carries them is the target's business.
 * {@link #toString()} shows them and any credentials in the address masked, so logging a target
 * never leaks them; {@link #redact} hides them in any text (a server may echo them).
 */
public record ApiTarget(URI url, String token, String user, String password) {

    /** The example address the panel's hint and this class's error both give, so the coordinator sees one. */
    public static final String EXAMPLE = "https://data.example.org/lankit";

    public ApiTarget {
        token = token == null ? "" : token.trim();
        user = user == null ? "" : user.trim();
        password = password == null ? "" : password;
        Optional<String> problem = problem(url == null ? null : url.toString(), token);
        if (problem.isEmpty()) problem = userProblem(user);
        if (problem.isPresent()) throw new IllegalArgumentException(problem.get());
    }

    public ApiTarget(URI url, String token) {
        this(url, token, "", "");
    }

    /** The target for a typed-in address and token; an empty address means "no API". */
    public static Optional<ApiTarget> of(String url, String token) {
        return of(url, token, null, null);
    }

    /** The same with a user name and password (HTTP Basic), as KoboToolbox and CouchDB take them. */
    public static Optional<ApiTarget> of(String url, String token, String user, String password) {
        if (url == null || url.isBlank()) return Optional.empty();
        Optional<String> problem = problem(url, token).or(() -> userProblem(user));
        if (problem.isPresent()) throw new IllegalArgumentException(problem.get());
        return Optional.of(new ApiTarget(URI.create(url.trim()), token, user, password));
    }

    /** A user name goes into a Basic header before a colon: no colon, no control characters. */
    public static Optional<String> userProblem(String user) {
        if (user == null || user.trim().chars().allMatch(c -> c >= 0x20 && c != ':' && c != 0x7f)) return Optional.empty();
        return Optional.of("the user name may not hold a colon");
    }

    public boolean hasUser() {
        return !user.isEmpty();
    }

    /** The value of an {@code Authorization: Basic} header for the user name and password. */
    public String basicAuthorization() {
        return "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** What is wrong with a typed-in address and token, in words for the coordinator; empty if fine. */
    public static Optional<String> problem(String url, String token) {
        return urlProblem(url).or(() -> tokenProblem(token));
    }

    public static Optional<String> urlProblem(String url) {
        if (url == null || url.isBlank()) return Optional.of("the API address is empty");
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                return Optional.of("the API address must look like " + EXAMPLE);
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("the API address is not a valid address: " + e.getReason());
        }
    }

    /** A token goes into an HTTP header: visible ASCII only. */
    public static Optional<String> tokenProblem(String token) {
        if (token == null || token.trim().chars().allMatch(c -> c > 0x20 && c < 0x7f)) return Optional.empty();
        return Optional.of("the API token may hold only letters, digits and punctuation, no spaces");
    }

    public boolean hasToken() {
        return !token.isEmpty();
    }

    /** Host and port, for messages: the path may be long and says little. */
    public String hostAndPort() {
        return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }

    /** {@code text} with this target's token and address credentials hidden, and anything else that looks like a credential. */
    public String redact(String text) {
        List<String> secrets = new ArrayList<>(Redaction.secretsIn(url));
        if (hasToken()) secrets.add(token);
        if (!password.isEmpty()) {
            secrets.add(password);
            secrets.add(basicAuthorization().substring("Basic ".length()));
        }
        return Redaction.text(text, secrets);
    }

    @Override
    public String toString() {
        String who = hasUser() ? " (user " + user + ", password " + Redaction.masked(password) + ")" : "";
        return redact(url.toString()) + (hasToken() ? " (token " + Redaction.masked(token) + ")" : hasUser() ? who : " (no token)");
    }
}
