package dev.facet.schema.ast;

/** The keyword that opens a top-level block. */
public enum BlockKind {
    MODEL("model"), VIEW("view"), TYPE("type"), ENUM("enum"), DATASOURCE("datasource"), GENERATOR("generator");

    private final String keyword;

    BlockKind(String keyword) { this.keyword = keyword; }

    /** @return the keyword as written */
    public String keyword() { return keyword; }

    /** @return whether blocks of this kind hold {@code key = value} properties */
    public boolean isConfiguration() { return this == DATASOURCE || this == GENERATOR; }
}
