package dev.facet.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.value.JsonCodec;
import java.io.IOException;

/**
 * Ends an answer that failed after part of it was printed (a lost connection in the middle of a million records):
 * the open arrays and objects are closed and an {@code "error"} member follows {@code "data"}, so the line stays
 * one JSON object, and a reader that looks for {@code "error"} learns that the data before it is incomplete.
 */
final class AnswerTail {
    private AnswerTail() {}

    static void finish(JsonGenerator out, JsonNode error) {
        try {
            JsonStreamContext context = out.getOutputContext();
            if (context.inObject() && context.getCurrentName() != null) {
                try {
                    // A member name already written waits for its value.
                    out.writeNull();
                } catch (IOException expectingName) {
                    // No value was pending.
                }
            }
            for (context = out.getOutputContext(); context.getParent() != null && !context.getParent().inRoot();
                 context = out.getOutputContext()) {
                if (context.inArray()) out.writeEndArray();
                else out.writeEndObject();
            }
            out.writeFieldName("error");
            JsonCodec.MAPPER.writeTree(out, error);
            out.writeEndObject();
            out.close();
        } catch (IOException | RuntimeException e) {
            // The output is gone; the printer reports that through the exit status.
        }
    }
}
