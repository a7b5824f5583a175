package io.exchangepulse.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The metric selectors of a PromQL expression, read loosely: enough to hold the rules' and the dashboard's
 * queries to the names and labels the service really exposes, not a parser of the whole language. A name
 * followed by "(" is a function; aggregations, operators and keywords are known words; the labels of
 * by/without/on/ignoring/group_left/group_right are skipped; ranges, durations, numbers and Grafana's
 * $variables are not names.
 */
final class PromQl {

    /** One label matcher, as written: {@code status=~"5.."} is (status, =~, 5..). */
    record Matcher(String label, String operator, String value) {
    }

    /** A metric name with its matchers. */
    record Selector(String metric, List<Matcher> matchers) {
    }

    private static final Set<String> WORDS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar", "count",
            "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio", "and", "or", "unless", "offset", "bool",
            "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan");
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

    private final String text;
    private int at;

    private PromQl(String text) {
        this.text = text;
    }

    static List<Selector> selectors(String expression) {
        return new PromQl(expression).read();
    }

    private List<Selector> read() {
        List<Selector> selectors = new ArrayList<>();
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '"' || c == '\'' || c == '`') {
                string();
            } else if (c == '[') {
                at = text.indexOf(']', at) + 1;
            } else if (c == '{') {
                matchers();
            } else if (c == '$' || Character.isDigit(c)) {
                // A Grafana variable, a number or a duration.
                at++;
                while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || "_.".indexOf(text.charAt(at)) >= 0)) {
                    at++;
                }
            } else if (isNameStart(c)) {
                name(selectors);
            } else {
                at++;
            }
        }
        return selectors;
    }

    private void name(List<Selector> selectors) {
        String name = word();
        skipSpaces();
        boolean call = at < text.length() && text.charAt(at) == '(';
        if (LABEL_LISTS.contains(name) && call) {
            at = text.indexOf(')', at) + 1;
        } else if (!call && !WORDS.contains(name)) {
            selectors.add(new Selector(name, at < text.length() && text.charAt(at) == '{' ? matchers() : List.of()));
        }
    }

    /** The matchers of a selector, from its "{" to its "}" (a selector without a name is read and left out). */
    private List<Matcher> matchers() {
        List<Matcher> matchers = new ArrayList<>();
        at++;
        while (true) {
            skipSpaces();
            if (text.charAt(at) == '}') {
                at++;
                return matchers;
            }
            String label = word();
            skipSpaces();
            int start = at;
            while ("=!~".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String operator = text.substring(start, at);
            skipSpaces();
            matchers.add(new Matcher(label, operator, string()));
            skipSpaces();
            if (text.charAt(at) == ',') {
                at++;
            }
        }
    }

    /** A quoted string's content (escapes kept as written: the values checked hold none). */
    private String string() {
        char quote = text.charAt(at);
        int start = ++at;
        while (text.charAt(at) != quote) {
            at += text.charAt(at) == '\\' ? 2 : 1;
        }
        return text.substring(start, at++);
    }

    private String word() {
        int start = at;
        while (at < text.length() && (isNameStart(text.charAt(at)) || Character.isDigit(text.charAt(at)))) {
            at++;
        }
        return text.substring(start, at);
    }

    private void skipSpaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }
}
