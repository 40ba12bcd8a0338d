package dev.facet.data.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A relation link describes foreign keys, join tables and MongoDB's key lists on both sides. */
class RelationLinkTest {
    private static Schema load(String text) {
        LoadResult r = SchemaLoader.load(new SourceFile("schema.prisma", text));
        assertFalse(r.hasErrors(), () -> r.errors().toString());
        return r.schema().orElseThrow();
    }

    private static RelationLink link(Schema s, String model, String field) {
        Model m = s.model(model);
        return RelationLink.of(s, m, (RelationField) m.field(field));
    }

    private static List<String> names(List<ScalarField> fields) { return fields.stream().map(ScalarField::name).toList(); }

    @Test
    void keyListsOnBothSidesAreAManyToManyWithoutJoinTable() {
        Schema s = load("""
                datasource db {
                  provider = "mongodb"
                }
                model Post {
                  id          String     @id @default(auto()) @map("_id") @db.ObjectId
                  categoryIDs String[]   @db.ObjectId
                  categories  Category[] @relation(fields: [categoryIDs], references: [id])
                }
                model Category {
                  id      String   @id @default(auto()) @map("_id") @db.ObjectId
                  postIDs String[] @db.ObjectId
                  posts   Post[]   @relation(fields: [postIDs], references: [id])
                }
                """);
        for (String[] side : new String[][] {{"Post", "categories", "categoryIDs", "postIDs"}, {"Category", "posts", "postIDs", "categoryIDs"}}) {
            RelationLink l = link(s, side[0], side[1]);
            assertTrue(l.viaKeyLists());
            assertTrue(l.manyToMany());
            assertFalse(l.viaJoinTable());
            assertFalse(l.parentHoldsKey(), "a key list is no foreign key of the parent's row");
            assertEquals(side[2], l.parentKeyList().name());
            assertEquals(side[3], l.childKeyList().name());
            assertEquals(List.of("id"), names(l.parentKeys()));
            assertEquals(List.of("id"), names(l.childKeys()));
        }
    }

    @Test
    void anImplicitManyToManyGoesThroughItsJoinTable() {
        Schema s = load("""
                datasource db {
                  provider = "sqlite"
                }
                model Post {
                  id   Int   @id
                  tags Tag[]
                }
                model Tag {
                  id    Int    @id
                  posts Post[]
                }
                """);
        RelationLink fromTag = link(s, "Tag", "posts");
        assertTrue(fromTag.viaJoinTable());
        assertTrue(fromTag.manyToMany());
        assertFalse(fromTag.viaKeyLists());
        assertEquals("_PostToTag", fromTag.joinTable().tableName());
        assertEquals("B", fromTag.parentJoinColumn());
        assertEquals("A", fromTag.childJoinColumn());
        assertNull(fromTag.parentKeyList());
    }

    @Test
    void aForeignKeyIsHeldByOneSide() {
        Schema s = load("""
                datasource db {
                  provider = "sqlite"
                }
                model User {
                  id    Int    @id
                  posts Post[]
                }
                model Post {
                  id       Int  @id
                  authorId Int
                  author   User @relation(fields: [authorId], references: [id])
                }
                """);
        RelationLink author = link(s, "Post", "author");
        assertTrue(author.parentHoldsKey());
        assertFalse(author.manyToMany());
        assertEquals(List.of("authorId"), names(author.parentKeys()));
        assertFalse(link(s, "User", "posts").parentHoldsKey());
    }
}
