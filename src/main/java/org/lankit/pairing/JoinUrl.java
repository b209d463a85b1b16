package org.lankit.pairing;

/** The address a phone opens to join: the code rides in the fragment, which never reaches a server log. */
public final class JoinUrl {

    private JoinUrl() {
    }

    public static String of(String host, int port, String joinCode) {
        return baseUrl(host, port) + "/join#" + joinCode;
    }

    public static String baseUrl(String host, int port) {
        return "http://" + host + ":" + port;
    }
}
