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

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads a request body item by item, as it streams in: one JSON object, a JSON array of them, or NDJSON (one
 * object a line). Nothing is read whole: the item limit holds while reading (the 10,001st item ends the request), and each
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

    /**
     * Hands each item over as it is read from the body, as it arrives (the body is never held whole: a request of
     * the largest size holds a parser's buffer and one item at a time); returns how many there were. More than
     * {@code maxBytes} ends the request with a 413 while reading ({@link BodyDeadline} ends one that arrives too
     * slowly).
     */
    static int read(InputStream body, boolean ndjson, int maxItems, long maxBytes, ItemConsumer items) {
        try (JsonParser parser = JSON.createParser(new BoundedStream(body, maxBytes))) {
            int count = ndjson ? ndjsonItems(parser, maxItems, items) : jsonItems(parser, maxItems, items);
            if (count == 0) {
                throw new ProblemException(Problem.of("empty", "Empty request", 400,
                        "the request holds no items: send one object, an array of them, or NDJSON"));
            }
            return count;
        } catch (JsonProcessingException e) {
            throw malformed(null, describe(e));
        } catch (IOException e) {
            // The connection went away while the body arrived (its deadline closed it, or the client did).
            throw new ProblemException(Problem.of("body-unreadable", "Body unreadable", 400,
                    "the body stopped arriving before its end; nothing was accepted"));
        }
    }

    private static int jsonItems(JsonParser parser, int maxItems, ItemConsumer items) throws IOException {
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
    }

    /** One JSON value a line: each item must start and end on a line of its own. */
    private static int ndjsonItems(JsonParser parser, int maxItems, ItemConsumer items) throws IOException {
        int count = 0;
        int lastLine = 0;
        try {
            while (parser.nextToken() != null) {
                int line = parser.currentTokenLocation().getLineNr();
                if (line == lastLine) {
                    throw malformed(count - 1, "more than one JSON value on the line");
                }
                if (count == maxItems) {
                    throw tooMany(maxItems);
                }
                items.accept(count, item(parser, count));
                lastLine = parser.currentLocation().getLineNr();
                if (lastLine != line) {
                    throw malformed(count, "an item spans lines; NDJSON has one item a line");
                }
                count++;
            }
        } catch (JsonProcessingException e) {
            throw malformed(count, describe(e));
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

    /** Counts the bytes read: past the limit, the request ends with a 413 while reading, not after. */
    private static final class BoundedStream extends FilterInputStream {

        private final long max;
        private long read;

        BoundedStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw new ProblemException(Problem.of("too-large", "Request too large", 413,
                        "a request may hold at most " + max + " bytes; split it, nothing was accepted"));
            }
        }
    }

    private static ProblemException tooMany(int maxItems) {
        return new ProblemException(Problem.of("too-many-items", "Too many items", 413,
                "a request may hold at most " + maxItems + " items; split it, nothing was accepted"));
    }
}
