package org.lankit.pairing;

/**
 * The addresses a phone opens: to join (the code rides in the fragment, which never reaches a
 * server log), securely or over plain http, and the set-up page that installs the kit certificate.
 */
public final class JoinUrl {

    private JoinUrl() {
    }

    public static String of(String host, int port, String joinCode) {
        return baseUrl(host, port) + "/join#" + joinCode;
    }

    public static String secure(String host, int httpsPort, String joinCode) {
        return "https://" + hostPart(host) + ":" + httpsPort + "/join#" + joinCode;
    }

    public static String setup(String host, int port, String joinCode) {
        return baseUrl(host, port) + "/setup#" + joinCode;
    }

    public static String certificate(String host, int port) {
        return baseUrl(host, port) + "/ca.crt";
    }

    public static String baseUrl(String host, int port) {
        return "http://" + hostPart(host) + ":" + port;
    }

    private static String hostPart(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
