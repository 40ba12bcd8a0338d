package dev.facet.data.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facet.data.error.QueryError;
import dev.facet.data.value.JsonCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The depth check every request passes before it is parsed (issue 18). */
class RequestLimitsTest {
    /** Objects nested {@code levels} deep, the outermost counting as level 1. */
    static String nested(int levels) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 1; i < levels; i++) {
            open.append("{\"a\": ");
            close.append('}');
        }
        return open + "{}" + close;
    }

    @Test
    void argumentsNestAtMost123Levels() {
        RequestLimits.checkDepth(JsonCodec.parse(nested(123)));
        RequestLimits.checkDepth(JsonCodec.parse("{\"a\": [1, \"x\", null, true]}"));
        RequestLimits.checkDepth(null);
        assertThatThrownBy(() -> RequestLimits.checkDepth(JsonCodec.parse(nested(124))))
                .isInstanceOfSatisfying(QueryError.class, e -> assertThat(e.code()).isEqualTo("P2009"))
                .hasMessageStartingWith("a.a.a.a.a.a.a.a.…(113 more).a.a: The request nests deeper than 123 levels");
        // Arrays count as levels, as in Prisma's JSON.
        assertThatThrownBy(() -> RequestLimits.checkDepth(JsonCodec.parse("{\"x\": [[" + nested(122) + "]]}")))
                .hasMessageStartingWith("x.0.0.a.a.a.a.a.…(");
    }

    @Test
    void shortPathsAreShownWhole() {
        assertThat(RequestLimits.abbreviate(List.of("c", "b", "a"))).isEqualTo("a.b.c");
        assertThat(RequestLimits.relationFiltersTooDeep(List.of("where", "posts", "some")).getMessage())
                .startsWith("where.posts.some: Relation filters nest deeper than 16 levels.");
    }
}
