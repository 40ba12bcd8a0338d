package dev.facet.schema.model;

import java.util.List;
import java.util.Map;

/**
 * A {@code generator} block, kept as written; Facet does not run generators.
 *
 * @param name            the block's name
 * @param provider        the {@code provider} value as written (a literal or {@code env(...)} source)
 * @param output          the {@code output} value, or null
 * @param previewFeatures the enabled preview features
 * @param properties      every property as source text, in written order
 * @param documentation   the {@code ///} comment, or null
 */
public record Generator(String name, String provider, String output, List<String> previewFeatures,
                        Map<String, String> properties, String documentation) {
    public Generator {
        previewFeatures = List.copyOf(previewFeatures);
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }
}
