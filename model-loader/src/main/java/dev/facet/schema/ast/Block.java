package dev.facet.schema.ast;

import dev.facet.schema.source.Span;
import java.util.List;

/**
 * A top-level block: {@code model}, {@code view}, {@code type}, {@code enum}, {@code datasource},
 * {@code generator}. Free-standing comments and invalid lines at top level are {@link TopItem}s.
 *
 * @param kind          which keyword opened it
 * @param keywordSpan   where the keyword is written
 * @param name          the block's name
 * @param members       everything inside the braces, in written order
 * @param documentation the {@code ///} lines above the block, or null
 * @param span          from the keyword to the closing brace
 */
public record Block(BlockKind kind, Span keywordSpan, Identifier name, List<Member> members, String documentation,
                    Span span) implements TopItem {
    public Block { members = List.copyOf(members); }

    /** @return the declarations (fields, enum values or properties) in written order */
    public List<Member.Field> fields() {
        return members.stream().filter(Member.Field.class::isInstance).map(Member.Field.class::cast).toList();
    }

    /** @return the block attributes in written order */
    public List<Attribute> blockAttributes() {
        return members.stream().filter(Member.BlockAttribute.class::isInstance)
                .map(m -> ((Member.BlockAttribute) m).attribute()).toList();
    }
}
