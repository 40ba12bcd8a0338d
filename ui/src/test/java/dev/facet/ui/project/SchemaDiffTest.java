package dev.facet.ui.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {
    private static final String HEAD = "datasource db {\n  provider = \"sqlite\"\n  url = \"file:./x.db\"\n}\n";

    private static Schema schema(String models) {
        return SchemaLoader.load(new SourceFile("schema.prisma", HEAD + models)).schema().orElseThrow();
    }

    @Test
    void modelsAndFieldsAddedRemovedAndRetyped() {
        Schema before = schema("model A {\n  id Int @id\n  name String\n  age Int\n}\nmodel B {\n  id Int @id\n}\n");
        Schema after = schema("model A {\n  id Int @id\n  name String?\n  email String\n}\nmodel C {\n  id Int @id\n}\nmodel D {\n  id Int @id\n}\n");

        SchemaDiff diff = SchemaDiff.between(before, after);

        assertThat(diff.addedModels()).containsExactly("C", "D");
        assertThat(diff.removedModels()).containsExactly("B");
        assertThat(diff.summary()).isEqualTo("added models C, D; removed model B; A: added email, removed age, changed the type of name");
    }

    @Test
    void sameModelsAndFieldsIsNoChange() {
        String text = "model A {\n  id Int @id\n  name String\n}\n";
        SchemaDiff diff = SchemaDiff.between(schema(text), schema("// a comment\n" + text));

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.summary()).isEqualTo("no model or field changed");
    }
}
