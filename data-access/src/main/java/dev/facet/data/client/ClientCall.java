package dev.facet.data.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.value.JsonCodec;

/**
 * A Prisma Client call read from code: {@code prisma.user.findMany({...})} is model {@code User}, action
 * {@code findMany} and its arguments as Prisma's JSON protocol carries them (dates, BigInts, Decimals and bytes as
 * {@code {"$type": ..., "value": ...}}).
 *
 * @param model  the model as named in the schema
 * @param action the Prisma Client method
 * @param args   its arguments, an empty object when the call has none
 */
public record ClientCall(String model, String action, JsonNode args) {
    /** @return the request the engine runs */
    public QueryEngine.Request request() { return new QueryEngine.Request(model, action, args); }

    /** @return whether the call changes data */
    public boolean isWrite() { return QueryEngine.isWrite(action); }

    /** @return the call as one line of {@code facet query}'s input: {@code {"model": ..., "action": ..., "args": ...}} */
    public String queryLine() {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("model", model);
        line.put("action", action);
        line.set("args", args);
        return JsonCodec.write(line);
    }
}
