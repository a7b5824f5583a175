package io.exchangepulse.domain;

/** Text a client sent, cut short before it goes into an answer: no request can make an answer long. */
public final class Abbreviated {

    private Abbreviated() {
    }

    public static String of(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "...";
    }
}
