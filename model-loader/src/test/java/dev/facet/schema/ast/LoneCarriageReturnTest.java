package dev.facet.schema.ast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.source.SourceFile;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found by the fuzz test: a '\r' that ends the text without a '\n' after it once made the parser loop
 * forever (adding the same diagnostic until the heap ran out).
 */
class LoneCarriageReturnTest {
    @ParameterizedTest
    @ValueSource(strings = {"\r", "-\r", "model A {\n\r", "datasource db {\n  provider = \"sqlite\"\n\r"})
    void aTrailingCarriageReturnEndsTheParse(String text) {
        LoadResult result = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> SchemaLoader.load(new SourceFile("schema.prisma", text)));

        assertThat(result.errors()).isNotEmpty().hasSizeLessThan(5);
    }
}
