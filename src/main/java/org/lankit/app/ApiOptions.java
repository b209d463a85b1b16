package org.lankit.app;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.Redaction;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/**
 * The team server as given on the command line ({@code --api-*}), for target {@code main}. Nulls
 * mean "not given": the remembered value applies, as with every other option.
 *
 * @param url      {@code --api-url}
 * @param token    {@code --api-token}
 * @param kind     {@code --api-kind}
 * @param user     {@code --api-user}
 * @param password {@code --api-password}, else the environment's {@code LANKIT_API_PASSWORD}
 * @param forms    {@code --api-form LANKIT_ID=SERVER_ID}, every one given; empty: none given
 */
public record ApiOptions(String url, String token, TargetKind kind, String user, String password, Map<String, String> forms) {

    /** Where the password is read from when {@code --api-password} is not given, so it need not show in {@code ps}. */
    public static final String PASSWORD_VARIABLE = "LANKIT_API_PASSWORD";

    public static final ApiOptions NONE = new ApiOptions(null, null, null, null, null, Map.of());

    public ApiOptions {
        forms = forms == null ? Map.of() : Map.copyOf(forms);
    }

    /** Lankit's own JSON API at {@code url} with {@code token}, as the options before kinds gave it. */
    public static ApiOptions json(String url, String token) {
        return new ApiOptions(url, token, null, null, null, Map.of());
    }

    /** Whether the command line (or the environment's password) says anything about the team server. */
    public boolean given() {
        return url != null || token != null || kind != null || user != null || password != null || !forms.isEmpty();
    }

    /** What is wrong with what was given, in words for the coordinator; empty if nothing is. */
    public Optional<String> problem() {
        Optional<String> server = (url == null ? Optional.<String>empty() : ApiTarget.urlProblem(url))
                .or(() -> ApiTarget.tokenProblem(token))
                .or(() -> ApiTarget.userProblem(user));
        if (server.isPresent()) return server;
        return forms.entrySet().stream()
                .filter(f -> !isFormId(f.getKey()) || !isFormId(f.getValue()))
                .findFirst()
                .map(f -> "--api-form needs LANKIT_ID=SERVER_ID, both without spaces, like household=household_2024; got "
                        + f.getKey() + "=" + f.getValue());
    }

    /**
     * Target {@code main} with what was given laid over what is remembered: each option not given
     * keeps the remembered value, the kind defaults to JSON, and {@code --api-form}s, when given,
     * replace the remembered mapping whole. A password goes only with a user name. Empty when
     * nothing was given, or only a password and no server is set up (it may be in the environment
     * of every start).
     *
     * @throws NoServer when there is no address to use
     */
    public Optional<TargetSettings> over(Optional<TargetSettings> remembered) {
        if (!given()) return Optional.empty();
        Optional<ApiTarget> server = remembered.map(TargetSettings::server);
        String address = url != null ? url : server.map(s -> s.url().toString()).orElse(null);
        if (address == null || address.isBlank()) {
            if (withoutPassword().given()) {
                throw new NoServer();
            }
            return Optional.empty();
        }
        String name = user != null ? user : server.map(ApiTarget::user).orElse("");
        ApiTarget target = new ApiTarget(URI.create(address.strip()),
                token != null ? token : server.map(ApiTarget::token).orElse(null), name,
                name.isBlank() ? null : password != null ? password : server.map(ApiTarget::password).orElse(null));
        TargetKind chosen = kind != null ? kind : remembered.map(TargetSettings::kind).orElse(TargetKind.JSON);
        Map<String, String> mapping = !forms.isEmpty() ? forms : remembered.map(TargetSettings::forms).orElse(Map.of());
        return Optional.of(new TargetSettings(TargetSettings.MAIN, chosen, target, mapping));
    }

    /** Options about a team server while none is set up and no {@code --api-url} names one; told in words for the coordinator. */
    public static final class NoServer extends IllegalArgumentException {
        NoServer() {
            super("no team server is set up yet, so the other --api options need --api-url as well");
        }
    }

    private ApiOptions withoutPassword() {
        return new ApiOptions(url, token, kind, user, null, forms);
    }

    private static boolean isFormId(String id) {
        return id != null && !id.isBlank() && id.chars().noneMatch(Character::isWhitespace);
    }

    /** Never the password, whatever logs the options. */
    @Override
    public String toString() {
        return "ApiOptions[url=" + (url == null ? null : Redaction.text(url)) + ", kind=" + kind
                + ", user=" + user + ", token and password hidden, forms=" + forms + "]";
    }
}
