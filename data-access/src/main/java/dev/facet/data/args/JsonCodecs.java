package dev.facet.data.args;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Shared JSON constants for argument parsing. */
final class JsonCodecs {
    /** An empty, never-modified object: "no arguments". */
    static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();
    /** The JSON value null (Prisma's JsonNull). */
    static final JsonNode NULL = JsonNodeFactory.instance.nullNode();

    private JsonCodecs() {}
}
