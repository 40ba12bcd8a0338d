package dev.facet.data.connector;

import java.util.Map;

/**
 * Records written as the text that inserts them into the database they came from, in the database's own language:
 * a connector that speaks SQL gives {@code INSERT} statements with its dialect's quoting and literals. A connector
 * offers one through {@link Connector#insertScript}; one without such a language (MongoDB) offers none, and callers
 * leave the choice out.
 */
public interface InsertScript {
    /** @return what the text is, for a menu or a file type: {@code SQL INSERT} */
    String language();

    /** @return the extension of a file of such statements, without the dot: {@code sql} */
    String extension();

    /**
     * @param record the record's values by field name, as the query model carries them (Instant, BigDecimal, byte[],
     *               JsonNode, lists...); a field the record lacks is written as NULL
     * @return one statement that inserts the record, ending with {@code ;}, on one line unless a value holds a line break
     */
    String statement(Map<String, Object> record);
}
