package dev.facet.schema.loader;

import static dev.facet.schema.loader.LoaderTestSupport.assertError;
import static dev.facet.schema.loader.LoaderTestSupport.clean;
import static dev.facet.schema.loader.LoaderTestSupport.datasource;
import static dev.facet.schema.loader.LoaderTestSupport.load;
import static dev.facet.schema.loader.LoaderTestSupport.onlyError;
import static dev.facet.schema.loader.LoaderTestSupport.relation;
import static dev.facet.schema.loader.LoaderTestSupport.relationField;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.schema.LoadResult;
import dev.facet.schema.model.FieldArity;
import dev.facet.schema.model.JoinTable;
import dev.facet.schema.model.Relation;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.RelationKind;
import dev.facet.schema.model.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Relations resolved on both sides: cardinality, the side holding the foreign key, relation names,
 * implicit many-to-many join tables, self-relations, and the errors Prisma gives for broken ones.
 */
class RelationsTest {

    /** The referenced side of most one-to-many cases below (lines 6 to 9 after the datasource). */
    private static final String USER_WITH_POSTS = """
            model User {
              id    Int    @id
              posts Post[]
            }

            """;

    @Test
    void oneToOne() {
        Schema schema = clean(datasource("postgresql") + """
                model User {
                  id      Int      @id
                  profile Profile?
                }

                model Profile {
                  id     Int  @id
                  user   User @relation(fields: [userId], references: [id])
                  userId Int  @unique
                }
                """);
        Relation r = relation(schema, "Profile", "user");
        assertThat(schema.relationOf("User", "profile")).isSameAs(r);
        assertThat(schema.relations()).hasSize(1);
        assertThat(r.kind()).isEqualTo(RelationKind.ONE_TO_ONE);
        assertThat(r.name()).isEqualTo("ProfileToUser");
        // The side with `fields` holds the foreign key.
        assertThat(r.referencingModel()).isEqualTo("Profile");
        assertThat(r.referencingField()).isEqualTo("user");
        assertThat(r.referencedModel()).isEqualTo("User");
        assertThat(r.referencedField()).isEqualTo("profile");
        assertThat(r.fields()).containsExactly("userId");
        assertThat(r.references()).containsExactly("id");
        assertThat(r.foreignKeyName()).isEqualTo("Profile_userId_fkey");
        assertThat(r.joinTable()).isNull();
        assertThat(r.isSelfRelation()).isFalse();
        assertThat(r.isManyToMany()).isFalse();

        RelationField user = relationField(schema, "Profile", "user");
        assertThat(user.holdsForeignKey()).isTrue();
        assertThat(user.relatedModel()).isEqualTo("User");
        assertThat(user.relationName()).isEqualTo("ProfileToUser");
        RelationField profile = relationField(schema, "User", "profile");
        assertThat(profile.holdsForeignKey()).isFalse();
        assertThat(profile.arity()).isEqualTo(FieldArity.OPTIONAL);
        assertThat(profile.relationName()).isEqualTo("ProfileToUser");
        assertThat(profile.fields()).isEmpty();
        assertThat(profile.references()).isEmpty();
    }

    @Test
    void oneToMany() {
        Schema schema = clean(datasource("postgresql") + USER_WITH_POSTS + """
                model Post {
                  id       Int  @id
                  author   User @relation(fields: [authorId], references: [id])
                  authorId Int
                }
                """);
        Relation r = relation(schema, "User", "posts");
        assertThat(r.kind()).isEqualTo(RelationKind.ONE_TO_MANY);
        assertThat(r.name()).isEqualTo("PostToUser");
        assertThat(r.referencingModel()).isEqualTo("Post");
        assertThat(r.referencingField()).isEqualTo("author");
        assertThat(r.referencedModel()).isEqualTo("User");
        assertThat(r.referencedField()).isEqualTo("posts");
        assertThat(r.fields()).containsExactly("authorId");
        assertThat(r.foreignKeyName()).isEqualTo("Post_authorId_fkey");
        assertThat(relationField(schema, "User", "posts").isList()).isTrue();
    }

    @Test
    void foreignKeyNamesUseTableAndColumnNamesAndMapOverridesThem() {
        Schema schema = clean(datasource("postgresql") + """
                model User {
                  id       Int       @id
                  posts    Post[]
                  comments Comment[]
                }

                model Post {
                  id       Int  @id
                  author   User @relation(fields: [authorId], references: [id])
                  authorId Int  @map("author_id")

                  @@map("posts")
                }

                model Comment {
                  id       Int  @id
                  author   User @relation(fields: [authorId], references: [id], map: "comment_author_fk")
                  authorId Int
                }
                """);
        assertThat(relation(schema, "Post", "author").foreignKeyName()).isEqualTo("posts_author_id_fkey");
        assertThat(relation(schema, "Comment", "author").foreignKeyName()).isEqualTo("comment_author_fk");
    }

    @Test
    void compoundForeignKey() {
        Schema schema = clean(datasource("postgresql") + """
                model Person {
                  firstName String
                  lastName  String
                  pets      Pet[]

                  @@id([firstName, lastName])
                }

                model Pet {
                  id             Int    @id
                  owner          Person @relation(fields: [ownerFirstName, ownerLastName], references: [firstName, lastName])
                  ownerFirstName String
                  ownerLastName  String
                }
                """);
        Relation r = relation(schema, "Pet", "owner");
        assertThat(r.fields()).containsExactly("ownerFirstName", "ownerLastName");
        assertThat(r.references()).containsExactly("firstName", "lastName");
        assertThat(r.foreignKeyName()).isEqualTo("Pet_ownerFirstName_ownerLastName_fkey");
    }

    @Test
    void relationsToAUniqueFieldOtherThanTheId() {
        Relation r = relation(clean(datasource("postgresql") + """
                model User {
                  id    Int    @id
                  email String @unique
                  posts Post[]
                }

                model Post {
                  id          Int    @id
                  authorEmail String
                  author      User   @relation(fields: [authorEmail], references: [email])
                }
                """), "Post", "author");
        assertThat(r.references()).containsExactly("email");
    }

    // ---------------------------------------------------------------- many-to-many

    @Test
    void implicitManyToManyJoinTableIsNamedInAlphabeticalOrder() {
        // Tag is declared first, but Post comes first in alphabetical order: `_PostToTag`, column A -> Post.
        Schema schema = clean(datasource("postgresql") + """
                model Tag {
                  id    Int    @id
                  posts Post[]
                }

                model Post {
                  id   Int   @id
                  tags Tag[]
                }
                """);
        Relation r = relation(schema, "Tag", "posts");
        assertThat(schema.relationOf("Post", "tags")).isSameAs(r);
        assertThat(r.kind()).isEqualTo(RelationKind.IMPLICIT_MANY_TO_MANY);
        assertThat(r.isManyToMany()).isTrue();
        assertThat(r.name()).isEqualTo("PostToTag");
        assertThat(r.joinTable()).isEqualTo(new JoinTable("_PostToTag", "Post", "Tag"));
        assertThat(r.referencingModel()).isEqualTo("Post");
        assertThat(r.referencingField()).isEqualTo("tags");
        assertThat(r.referencedModel()).isEqualTo("Tag");
        assertThat(r.referencedField()).isEqualTo("posts");
        assertThat(r.fields()).isEmpty();
        assertThat(r.references()).isEmpty();
        assertThat(r.foreignKeyName()).isNull();
        assertThat(JoinTable.COLUMN_A).isEqualTo("A");
        assertThat(JoinTable.COLUMN_B).isEqualTo("B");
        assertThat(relationField(schema, "Post", "tags").relationName()).isEqualTo("PostToTag");
    }

    @Test
    void namedImplicitManyToManyUsesTheRelationName() {
        Relation r = relation(clean(datasource("postgresql") + """
                model Post {
                  id   Int   @id
                  tags Tag[] @relation("Tagging")
                }

                model Tag {
                  id    Int    @id
                  posts Post[] @relation("Tagging")
                }
                """), "Post", "tags");
        assertThat(r.name()).isEqualTo("Tagging");
        assertThat(r.joinTable()).isEqualTo(new JoinTable("_Tagging", "Post", "Tag"));
    }

    @Test
    void explicitManyToManyThroughAJoinModel() {
        Schema schema = clean(datasource("postgresql") + """
                model Post {
                  id         Int                 @id
                  categories CategoriesOnPosts[]
                }

                model Category {
                  id    Int                 @id
                  posts CategoriesOnPosts[]
                }

                model CategoriesOnPosts {
                  post       Post     @relation(fields: [postId], references: [id])
                  postId     Int
                  category   Category @relation(fields: [categoryId], references: [id])
                  categoryId Int
                  assignedAt DateTime @default(now())

                  @@id([postId, categoryId])
                }
                """);
        assertThat(schema.relations()).hasSize(2).allMatch(r -> r.kind() == RelationKind.ONE_TO_MANY);
        Relation toPost = relation(schema, "CategoriesOnPosts", "post");
        assertThat(toPost.referencingModel()).isEqualTo("CategoriesOnPosts");
        assertThat(toPost.referencedModel()).isEqualTo("Post");
        assertThat(toPost.name()).isEqualTo("CategoriesOnPostsToPost");
        assertThat(relation(schema, "Category", "posts").referencingField()).isEqualTo("category");
        assertThat(schema.model("CategoriesOnPosts").primaryKey().fieldNames()).containsExactly("postId", "categoryId");
    }

    @Test
    void mongodbManyToManyStoresIdLists() {
        Relation r = relation(clean(datasource("mongodb") + """
                model Post {
                  id     String   @id @default(auto()) @map("_id") @db.ObjectId
                  tagIds String[] @db.ObjectId
                  tags   Tag[]    @relation(fields: [tagIds], references: [id])
                }

                model Tag {
                  id      String   @id @default(auto()) @map("_id") @db.ObjectId
                  postIds String[] @db.ObjectId
                  posts   Post[]   @relation(fields: [postIds], references: [id])
                }
                """), "Post", "tags");
        assertThat(r.kind()).isEqualTo(RelationKind.EMBEDDED_MANY_TO_MANY);
        assertThat(r.joinTable()).isNull();
        assertThat(r.referencingModel()).isEqualTo("Post");
        assertThat(r.fields()).containsExactly("tagIds");
        assertThat(r.references()).containsExactly("id");
    }

    // ---------------------------------------------------------------- self-relations and named relations

    @Test
    void selfRelationOneToOne() {
        Relation r = relation(clean(datasource("postgresql") + """
                model User {
                  id          Int   @id
                  successorId Int?  @unique
                  successor   User? @relation("BlogOwnerHistory", fields: [successorId], references: [id])
                  predecessor User? @relation("BlogOwnerHistory")
                }
                """), "User", "predecessor");
        assertThat(r.kind()).isEqualTo(RelationKind.ONE_TO_ONE);
        assertThat(r.isSelfRelation()).isTrue();
        assertThat(r.name()).isEqualTo("BlogOwnerHistory");
        assertThat(r.referencingField()).isEqualTo("successor");
        assertThat(r.referencedField()).isEqualTo("predecessor");
        assertThat(r.fields()).containsExactly("successorId");
    }

    @Test
    void selfRelationOneToMany() {
        Relation r = relation(clean(datasource("postgresql") + """
                model Employee {
                  id        Int        @id
                  managerId Int?
                  manager   Employee?  @relation("Reports", fields: [managerId], references: [id])
                  reports   Employee[] @relation("Reports")
                }
                """), "Employee", "reports");
        assertThat(r.kind()).isEqualTo(RelationKind.ONE_TO_MANY);
        assertThat(r.isSelfRelation()).isTrue();
        assertThat(r.referencingField()).isEqualTo("manager");
        assertThat(r.referencedField()).isEqualTo("reports");
        assertThat(r.foreignKeyName()).isEqualTo("Employee_managerId_fkey");
    }

    @Test
    void selfRelationManyToManyPutsTheFieldFirstInAlphabeticalOrderOnColumnA() {
        Relation r = relation(clean(datasource("postgresql") + """
                model User {
                  id         Int    @id
                  following  User[] @relation("Follows")
                  followedBy User[] @relation("Follows")
                }
                """), "User", "following");
        assertThat(r.kind()).isEqualTo(RelationKind.IMPLICIT_MANY_TO_MANY);
        assertThat(r.joinTable()).isEqualTo(new JoinTable("_Follows", "User", "User"));
        // `followedBy` sorts before `following`, so it is the A side.
        assertThat(r.referencingField()).isEqualTo("followedBy");
        assertThat(r.referencedField()).isEqualTo("following");
    }

    @Test
    void twoNamedRelationsBetweenTheSameModels() {
        Schema schema = clean(datasource("postgresql") + """
                model User {
                  id      Int    @id
                  written Post[] @relation("Author")
                  edited  Post[] @relation("Editor")
                }

                model Post {
                  id       Int   @id
                  authorId Int
                  author   User  @relation("Author", fields: [authorId], references: [id])
                  editorId Int?
                  editor   User? @relation("Editor", fields: [editorId], references: [id])
                }
                """);
        assertThat(schema.relations()).extracting(Relation::name).containsExactlyInAnyOrder("Author", "Editor");
        assertThat(relation(schema, "User", "written").referencingField()).isEqualTo("author");
        assertThat(relation(schema, "User", "edited").referencingField()).isEqualTo("editor");
        assertThat(relation(schema, "Post", "editor").fields()).containsExactly("editorId");
    }

    // ---------------------------------------------------------------- errors

    @Test
    void missingOppositeRelationField() {
        assertError(onlyError(datasource("postgresql") + """
                model User {
                  id Int @id
                }

                model Post {
                  id       Int  @id
                  authorId Int
                  author   User @relation(fields: [authorId], references: [id])
                }
                """), "Error validating field `author` in model `Post`: The relation field `author` on model `Post` is missing "
                + "an opposite relation field on the model `User`. Either run `prisma format` or add it manually.", 13,
                "author   User @relation(fields: [authorId], references: [id])");
    }

    @Test
    void ambiguousRelation() {
        assertError(onlyError(datasource("postgresql") + """
                model User {
                  id      Int    @id
                  written Post[]
                  edited  Post[]
                }

                model Post {
                  id       Int  @id
                  authorId Int
                  author   User @relation(fields: [authorId], references: [id])
                }
                """), "Error validating model \"User\": Ambiguous relation detected. The fields `written` and `edited` in model "
                + "`User` both refer to `Post`. Please provide different relation names for them by adding `@relation(<name>).",
                8, "written Post[]");
    }

    @Test
    void relationNameUsedTwiceInOneModel() {
        LoadResult result = load(datasource("postgresql") + """
                model User {
                  id      Int    @id
                  written Post[] @relation("Author")
                  edited  Post[] @relation("Author")
                }

                model Post {
                  id       Int  @id
                  authorId Int
                  author   User @relation("Author", fields: [authorId], references: [id])
                }
                """);
        assertThat(result.errors()).isNotEmpty();
        assertError(result.errors().getFirst(), "Error validating model \"User\": Wrongly named relation detected. The fields "
                + "`written` and `edited` in model `User` both use the same relation name. Please provide different relation "
                + "names for them through `@relation(<name>).", 8, "written Post[] @relation(\"Author\")");
    }

    @Test
    void unnamedSelfRelationIsAmbiguous() {
        assertError(onlyError(datasource("postgresql") + """
                model Employee {
                  id        Int        @id
                  managerId Int?
                  manager   Employee?  @relation(fields: [managerId], references: [id])
                  reports   Employee[]
                }
                """), "Error validating model \"Employee\": Ambiguous self relation detected. The fields `manager` and "
                + "`reports` in model `Employee` both refer to `Employee`. If they are part of the same relation add the same "
                + "relation name for them with `@relation(<name>)`.", 9,
                "manager   Employee?  @relation(fields: [managerId], references: [id])");
    }

    @Test
    void listSideMustNotHoldTheForeignKey() {
        assertError(onlyError(datasource("postgresql") + """
                model User {
                  id    Int    @id
                  posts Post[] @relation(fields: [id], references: [authorId])
                }

                model Post {
                  id       Int  @id
                  authorId Int
                  author   User @relation(fields: [authorId], references: [id])
                }
                """), "Error parsing attribute \"@relation\": The relation field `posts` on Model `User` must not specify the "
                + "`fields` or `references` argument in the @relation attribute. You must only specify it on the opposite field "
                + "`author` on model `Post`.", 8, "posts Post[] @relation(fields: [id], references: [authorId])");
    }

    @Test
    void singularSideMustSpecifyFieldsAndReferences() {
        LoadResult result = load(datasource("postgresql") + USER_WITH_POSTS + """
                model Post {
                  id       Int  @id
                  authorId Int
                  author   User
                }
                """);
        assertThat(result.errors()).hasSize(2);
        assertError(result.errors().get(0), "Error parsing attribute \"@relation\": The relation field `author` on Model `Post` "
                + "must specify the `fields` argument in the @relation attribute. You can run `prisma format` to fix this "
                + "automatically.", 14, "author   User");
        assertError(result.errors().get(1), "Error parsing attribute \"@relation\": The relation field `author` on Model `Post` "
                + "must specify the `references` argument in the @relation attribute.", 14, "author   User");
    }

    @Test
    void oneToOneWithoutForeignKeyOnEitherSide() {
        LoadResult result = load(datasource("postgresql") + """
                model User {
                  id      Int      @id
                  profile Profile?
                }

                model Profile {
                  id   Int  @id
                  user User
                }
                """);
        assertThat(result.errors()).extracting(d -> d.message()).containsExactly(
                "Error parsing attribute \"@relation\": The relation fields `profile` on Model `User` and `user` on Model "
                        + "`Profile` do not provide the `fields` argument in the @relation attribute. You have to provide it on "
                        + "one of the two fields.",
                "Error parsing attribute \"@relation\": The relation fields `user` on Model `Profile` and `profile` on Model "
                        + "`User` do not provide the `fields` argument in the @relation attribute. You have to provide it on "
                        + "one of the two fields.",
                "Error parsing attribute \"@relation\": The relation fields `profile` on Model `User` and `user` on Model "
                        + "`Profile` do not provide the `references` argument in the @relation attribute. You have to provide "
                        + "it on one of the two fields.",
                "Error parsing attribute \"@relation\": The relation fields `user` on Model `Profile` and `profile` on Model "
                        + "`User` do not provide the `references` argument in the @relation attribute. You have to provide it "
                        + "on one of the two fields.");
        assertThat(result.errors()).extracting(d -> d.span().line()).containsExactly(8, 13, 8, 13);
    }

    @Test
    void oneToOneBackSideMustBeOptional() {
        assertError(onlyError(datasource("postgresql") + """
                model User {
                  id      Int     @id
                  profile Profile
                }

                model Profile {
                  id     Int  @id
                  user   User @relation(fields: [userId], references: [id])
                  userId Int  @unique
                }
                """), "Error parsing attribute \"@relation\": The relation field `profile` on Model `User` is required. This is "
                + "not valid because it's not possible to enforce this constraint on the database level. Please change the "
                + "field type from `Profile` to `Profile?` to fix this.", 8, "profile Profile");
    }

    @Test
    void oneToOneForeignKeyMustBeUnique() {
        assertError(onlyError(datasource("postgresql") + """
                model User {
                  id      Int      @id
                  profile Profile?
                }

                model Profile {
                  id     Int  @id
                  user   User @relation(fields: [userId], references: [id])
                  userId Int
                }
                """), "Error parsing attribute \"@relation\": A one-to-one relation must use unique fields on the defining "
                + "side. Either add an `@unique` attribute to the field `userId`, or change the relation to one-to-many.", 13,
                "user   User @relation(fields: [userId], references: [id])");
    }

    @Test
    void referencesMustBeUnique() {
        assertError(onlyError(datasource("postgresql") + """
                model User {
                  id    Int    @id
                  name  String
                  posts Post[]
                }

                model Post {
                  id         Int    @id
                  authorName String
                  author     User   @relation(fields: [authorName], references: [name])
                }
                """), "Error parsing attribute \"@relation\": The argument `references` must refer to a unique criterion in the "
                + "related model. Consider adding an `@unique` attribute to the field `name` in the model `User`.", 15,
                "author     User   @relation(fields: [authorName], references: [name])");
    }

    /**
     * Broken foreign keys of {@code Post.author} (line 14): the type of {@code authorId}, the {@code @relation}
     * arguments, Prisma's message, and what it points at (the whole field, the attribute or the fields list).
     */
    @ParameterizedTest(name = "{0} authorId, @relation({1})")
    @CsvSource(delimiter = '|', value = {
            "String | fields: [authorId], references: [id]     | Error parsing attribute \"@relation\": The type of the field "
                    + "`authorId` in the model `Post` is not matching the type of the referenced field `id` in model `User`. | field",
            "Int    | fields: [writerId], references: [id]     | Error validating: The argument fields must refer only to "
                    + "existing fields. The following fields do not exist in this model: writerId | [writerId]",
            "Int    | fields: [authorId], references: [userId] | Error validating: The argument `references` must refer only to "
                    + "existing fields in the related model `User`. The following fields do not exist in the related model: userId "
                    + "| attribute",
            "Int?   | fields: [authorId], references: [id]     | Error validating: The relation field `author` uses the scalar "
                    + "fields authorId. At least one of those fields is optional. Hence the relation field must be optional as "
                    + "well. | field",
    })
    void brokenForeignKeys(String authorIdType, String arguments, String message, String pointsAt) {
        String attribute = "@relation(" + arguments + ")";
        String field = "author   User " + attribute;
        assertError(onlyError(datasource("postgresql") + USER_WITH_POSTS + """
                model Post {
                  id       Int @id
                  authorId %s
                  %s
                }
                """.formatted(authorIdType, field)), message, 14,
                switch (pointsAt) {
                    case "field" -> field;
                    case "attribute" -> attribute;
                    default -> pointsAt;
                });
    }

    @Test
    void fieldsAndReferencesMustHaveTheSameLength() {
        assertError(onlyError(datasource("postgresql") + USER_WITH_POSTS + """
                model Post {
                  id       Int  @id
                  authorId Int
                  otherId  Int
                  author   User @relation(fields: [authorId, otherId], references: [id])
                }
                """), "Error validating: You must specify the same number of fields in `fields` and `references`.", 15,
                "@relation(fields: [authorId, otherId], references: [id])");
    }

    @Test
    void implicitManyToManyNeedsIdsOnBothSides() {
        assertError(onlyError(datasource("postgresql") + """
                model Post {
                  slug String @unique
                  tags Tag[]
                }

                model Tag {
                  id    Int    @id
                  posts Post[]
                }
                """), "Error validating field `posts` in model `Tag`: The relation field `posts` on model `Tag` references "
                + "`Post` which does not have an `@id` field. Models without `@id` cannot be part of a many to many relation. "
                + "Use an explicit intermediate Model to represent this relationship.", 13, "posts Post[]");
    }

    @Test
    void namedForeignKeysAreNotSupportedOnSqlite() {
        assertError(onlyError(datasource("sqlite") + USER_WITH_POSTS + """
                model Post {
                  id       Int  @id
                  authorId Int
                  author   User @relation(fields: [authorId], references: [id], map: "post_author_fk")
                }
                """), "Error parsing attribute \"@relation\": Your provider does not support named foreign keys.", 14,
                "@relation(fields: [authorId], references: [id], map: \"post_author_fk\")");
    }

    @Test
    void referentialActionsOnlyOnTheForeignKeySide() {
        assertError(onlyError(datasource("postgresql") + """
                model User {
                  id    Int    @id
                  posts Post[] @relation(onDelete: Cascade)
                }

                model Post {
                  id       Int  @id
                  authorId Int
                  author   User @relation(fields: [authorId], references: [id])
                }
                """), "Error parsing attribute \"@relation\": The relation field `posts` on Model `User` must not specify the "
                + "`onDelete` or `onUpdate` argument in the @relation attribute. You must only specify it on the opposite field "
                + "`author` on model `Post`, or in case of a many to many relation, in an explicit join table.", 8,
                "posts Post[] @relation(onDelete: Cascade)");
    }

    @Test
    void relationsOfIgnoredFieldsAreNotResolved() {
        Schema schema = clean(datasource("postgresql") + """
                model User {
                  id    Int    @id
                  posts Post[] @ignore
                }

                model Post {
                  id       Int  @id
                  authorId Int
                  author   User @relation(fields: [authorId], references: [id]) @ignore
                }
                """);
        assertThat(relationField(schema, "Post", "author").ignored()).isTrue();
        assertThat(schema.model("User").relationFields()).extracting(RelationField::name).isEqualTo(List.of("posts"));
    }
}
