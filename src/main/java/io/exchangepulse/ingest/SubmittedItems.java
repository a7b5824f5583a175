package io.exchangepulse.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangepulse.domain.Abbreviated;
import io.exchangepulse.platform.ItemProblem;
import io.exchangepulse.platform.Problem;
import io.exchangepulse.platform.ProblemException;

import java.io.IOException;
import java.util.List;

/**
 * Reads a request body item by item: one JSON object, a JSON array of them, or NDJSON (one object a line).
 * Nothing is read whole: the item limit holds while reading (the 10,001st item ends the request), and each
 * item is read with bounds (fields, array elements, string and name lengths, depth), so that no body the
 * size limit lets in can fill the heap. The items' rules are the domain's; these are only the bounds of
 * reading them.
 */
final class SubmittedItems {

    static final String NDJSON = "application/x-ndjson";

    /** An item of the contract has at most 13 fields; more is not an item of ours. */
    static final int MAX_FIELDS = 32;
    /** The longest array an item holds is an operation's countries (36 parties). */
    static final int MAX_ELEMENTS = 64;

    /** What reading a body item by item hands over: each item with its index. */
    @FunctionalInterface
    interface ItemConsumer {
        void accept(int index, JsonNode item);
    }

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(8)
                    .maxStringLength(8_192)
                    .maxNameLength(1_024)
                    .maxNumberLength(64)
                    .build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SubmittedItems() {
    }

    /** Hands each item over as it is read; returns how many there were. */
    static int read(byte[] body, boolean ndjson, int maxItems, ItemConsumer items) {
        int count = ndjson ? ndjsonItems(body, maxItems, items) : jsonItems(body, maxItems, items);
        if (count == 0) {
            throw new ProblemException(Problem.of("empty", "Empty request", 400,
                    "the request holds no items: send one object, an array of them, or NDJSON"));
        }
        return count;
    }

    private static int jsonItems(byte[] body, int maxItems, ItemConsumer items) {
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return 0;
            }
            int count = 0;
            if (first == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (count == maxItems) {
                        throw tooMany(maxItems);
                    }
                    items.accept(count, item(parser, count));
                    count++;
                }
            } else {
                items.accept(count, item(parser, count));
                count++;
            }
            if (parser.nextToken() != null) {
                throw malformed(null, "more after the end of the JSON value; send one object, an array, or NDJSON");
            }
            return count;
        } catch (JsonProcessingException e) {
            throw malformed(null, describe(e));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int ndjsonItems(byte[] body, int maxItems, ItemConsumer items) {
        int count = 0;
        int start = 0;
        while (start < body.length) {
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            if (!blank(body, start, end)) {
                if (count == maxItems) {
                    throw tooMany(maxItems);
                }
                try (JsonParser parser = JSON.createParser(body, start, end - start)) {
                    parser.nextToken();
                    items.accept(count, item(parser, count));
                    if (parser.nextToken() != null) {
                        throw malformed(count, "more than one JSON value on the line");
                    }
                } catch (JsonProcessingException e) {
                    throw malformed(count, describe(e));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                count++;
            }
            start = end + 1;
        }
        return count;
    }

    /**
     * The value at the parser's current token, read with bounds: an object of more than {@link #MAX_FIELDS}
     * fields, or an array of more than {@link #MAX_ELEMENTS} elements, ends the request; a value nested deeper
     * than an item's own arrays is left unread and stands as an empty object, which the rules then reject.
     */
    private static JsonNode item(JsonParser parser, int index) throws IOException {
        if (parser.currentToken() == JsonToken.START_ARRAY) {
            parser.skipChildren();
            return NODES.arrayNode();
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return scalarOrSkipped(parser);
        }
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            if (object.size() == MAX_FIELDS) {
                throw oversized(index, "has more than " + MAX_FIELDS + " fields");
            }
            String name = parser.currentName();
            parser.nextToken();
            object.set(name, parser.currentToken() == JsonToken.START_ARRAY ? array(parser, index) : scalarOrSkipped(parser));
        }
        return object;
    }

    private static JsonNode array(JsonParser parser, int index) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (array.size() == MAX_ELEMENTS) {
                throw oversized(index, "holds an array of more than " + MAX_ELEMENTS + " elements");
            }
            array.add(scalarOrSkipped(parser));
        }
        return array;
    }

    private static JsonNode scalarOrSkipped(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> {
                parser.skipChildren();
                yield NODES.objectNode();
            }
        };
    }

    private static boolean blank(byte[] body, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(body[i])) {
                return false;
            }
        }
        return true;
    }

    private static String describe(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return "not valid JSON" + where + ": " + Abbreviated.of(e.getOriginalMessage(), 160);
    }

    private static ProblemException malformed(Integer index, String why) {
        String detail = "the body is " + why + "; nothing was accepted";
        var problem = Problem.of("malformed-json", "Malformed JSON", 400, detail);
        if (index != null) {
            problem = new Problem(problem.type(), problem.title(), 400, detail, List.of(new ItemProblem(index, "", why)), null);
        }
        return new ProblemException(problem);
    }

    private static ProblemException oversized(int index, String why) {
        String detail = "item " + index + " " + why + ", more than any item of the contract; nothing was accepted";
        return new ProblemException(new Problem("urn:exchange-pulse:problem:oversized-item", "Oversized item", 400, detail,
                List.of(new ItemProblem(index, "", why)), null));
    }

    private static ProblemException tooMany(int maxItems) {
        return new ProblemException(Problem.of("too-many-items", "Too many items", 413,
                "a request may hold at most " + maxItems + " items; split it, nothing was accepted"));
    }
}
