package dev.facet.schema.ast;

import dev.facet.schema.source.SourceFile;
import java.util.List;

/**
 * The syntax tree of one schema file.
 *
 * @param file  the file parsed
 * @param items every top-level item in written order
 */
public record SchemaAst(SourceFile file, List<TopItem> items) {
    public SchemaAst { items = List.copyOf(items); }

    /** @return the blocks in written order */
    public List<Block> blocks() {
        return items.stream().filter(Block.class::isInstance).map(Block.class::cast).toList();
    }
}
