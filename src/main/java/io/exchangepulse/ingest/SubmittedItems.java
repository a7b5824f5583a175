package io.exchangepulse.ingest;

import io.exchangepulse.platform.ItemProblem;
import io.exchangepulse.platform.Problem;
import io.exchangepulse.platform.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a request body into its items: one JSON object, a JSON array of them, or NDJSON (one object a
 * line). A body that is not JSON at all is rejected here, naming the item where that can be told.
 */
final class SubmittedItems {

    static final String NDJSON = "application/x-ndjson";

    private SubmittedItems() {
    }

    static List<JsonNode> parse(ObjectMapper mapper, byte[] body, boolean ndjson, int maxItems) {
        List<JsonNode> items = ndjson ? ndjsonItems(mapper, body, maxItems) : jsonItems(mapper, body);
        if (items.isEmpty()) {
            throw new ProblemException(Problem.of("empty", "Empty request", 400,
                    "the request holds no items: send one object, an array of them, or NDJSON"));
        }
        if (items.size() > maxItems) {
            throw tooMany(maxItems);
        }
        return items;
    }

    private static List<JsonNode> jsonItems(ObjectMapper mapper, byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw malformed(null, e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        if (root == null || root.isMissingNode()) {
            return List.of();
        }
        if (root.isArray()) {
            List<JsonNode> items = new ArrayList<>(root.size());
            root.forEach(items::add);
            return items;
        }
        return List.of(root);
    }

    private static List<JsonNode> ndjsonItems(ObjectMapper mapper, byte[] body, int maxItems) {
        List<JsonNode> items = new ArrayList<>();
        int start = 0;
        while (start < body.length) {
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            String line = new String(body, start, end - start, StandardCharsets.UTF_8).strip();
            if (!line.isEmpty()) {
                if (items.size() == maxItems) {
                    throw tooMany(maxItems);
                }
                try {
                    items.add(mapper.readTree(line));
                } catch (JsonProcessingException e) {
                    throw malformed(items.size(), e);
                }
            }
            start = end + 1;
        }
        return items;
    }

    private static ProblemException malformed(Integer index, JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        String detail = "the body is not valid JSON" + where + ": " + e.getOriginalMessage() + "; nothing was accepted";
        var problem = Problem.of("malformed-json", "Malformed JSON", 400, detail);
        if (index != null) {
            problem = new Problem(problem.type(), problem.title(), 400, detail,
                    List.of(new ItemProblem(index, "", "not valid JSON: " + e.getOriginalMessage())));
        }
        return new ProblemException(problem);
    }

    private static ProblemException tooMany(int maxItems) {
        return new ProblemException(Problem.of("too-many-items", "Too many items", 413,
                "a request may hold at most " + maxItems + " items; split it, nothing was accepted"));
    }
}
