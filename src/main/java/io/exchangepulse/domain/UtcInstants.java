package io.exchangepulse.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the one instant form clients send nearly always, {@code 2026-11-28T09:21:00Z} with or without a
 * fraction of up to nine digits, without {@link Instant#parse}'s general formatter: every counted exchange
 * has one, and the formatter was a third of reading a record. Any other form (an offset, a leap second,
 * a year beyond four digits) goes to {@link Instant#parse}, which decides, so both accept exactly the same.
 */
final class UtcInstants {

    private UtcInstants() {
    }

    /** @throws java.time.format.DateTimeParseException as {@link Instant#parse} does, for what neither reads */
    static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || !shaped(text)) {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            nanos = fraction < 1 || fraction > 9 ? -1 : digits(text, 20, length - 1);
            if (nanos < 0) {
                return Instant.parse(text);
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || hour < 0 || minute < 0 || second < 0 || month < 1 || month > 12 || day < 1
                || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth() || hour > 23 || minute > 59 || second > 59) {
            return Instant.parse(text);
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    private static boolean shaped(String text) {
        return text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T' && text.charAt(13) == ':'
                && text.charAt(16) == ':' && (text.length() == 20 || text.charAt(19) == '.');
    }

    /** The number the digits in [from, to) make, or -1 if any is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
