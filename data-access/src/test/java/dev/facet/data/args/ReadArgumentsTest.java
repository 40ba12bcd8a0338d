package dev.facet.data.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.error.QueryError;
import dev.facet.data.query.Filter;
import dev.facet.data.query.Ordering;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.Selection;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.source.SourceFile;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Schema;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The read argument parsers on their own, without a database: what neutral query each Prisma argument becomes, and
 * Prisma's texts for what it refuses. The behaviour suites check the same through every database; these pin the
 * translation itself, so that a change in it shows here first and says where.
 */
class ReadArgumentsTest {
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();
    private static final Schema SCHEMA = SchemaLoader.load(new SourceFile("schema.prisma", """
            datasource db {
              provider = "postgresql"
            }
            enum Role {
              USER
              ADMIN
            }
            model User {
              id      Int     @id @default(autoincrement())
              email   String  @unique
              name    String?
              role    Role    @default(USER)
              tags    String[]
              profile Json?
              posts   Post[]
              team    Team?   @relation(fields: [teamId], references: [id])
              teamId  Int?
            }
            model Post {
              id       Int    @id @default(autoincrement())
              title    String
              authorId Int
              author   User   @relation(fields: [authorId], references: [id])
              @@unique([authorId, title], name: "authorTitle")
            }
            model Team {
              id    Int    @id
              name  String
              users User[]
            }
            """)).schema().orElseThrow();
    private static final Set<ConnectorCapability> POSTGRES = EnumSet.of(ConnectorCapability.INSENSITIVE_FILTERS, ConnectorCapability.SCALAR_LISTS,
            ConnectorCapability.JSON_PATH_AS_KEYS, ConnectorCapability.JSON_COMPARISONS, ConnectorCapability.JSON_FILTERS, ConnectorCapability.NULLS_ORDER);
    private static final Set<ConnectorCapability> SQLITE = EnumSet.of(ConnectorCapability.JSON_FILTERS, ConnectorCapability.NULLS_ORDER);
    /** Json filtered by equality only, as MongoDB's Prisma filters it. */
    private static final Set<ConnectorCapability> EQUALITY_JSON = EnumSet.of(ConnectorCapability.INSENSITIVE_FILTERS, ConnectorCapability.SCALAR_LISTS);

    private final ReadArguments postgres = new ReadArguments(SCHEMA, POSTGRES);
    private final ReadArguments sqlite = new ReadArguments(SCHEMA, SQLITE);

    @Test
    void scalarFiltersBecomeComparisonsAndANotObjectNegatesEachConditionOnItsOwn() {
        assertThat(where(postgres, "User", "{email: {contains: 'x', mode: 'insensitive'}, id: {gt: 3, lte: 9}}"))
                .isEqualTo("AND(email CONTAINS \"x\" ci, AND(id GT 3, id LTE 9))");
        assertThat(where(postgres, "User", "{name: {not: {startsWith: 'a', endsWith: 'z'}}}"))
                .isEqualTo("AND(NOT(name STARTS_WITH \"a\"), NOT(name ENDS_WITH \"z\"))");
        assertThat(where(postgres, "User", "{name: null, role: 'ADMIN'}")).isEqualTo("AND(name IS NULL, role EQUALS \"ADMIN\")");
        assertThat(where(postgres, "User", "{name: {notIn: null}}")).isEqualTo("NOT(name IS NULL)");
    }

    @Test
    void orLeftWithNothingMatchesNothingAtTheTopButIsLeftOutOfAList() {
        assertThat(where(postgres, "User", "{OR: []}")).isEqualTo("OR()");
        assertThat(where(postgres, "User", "{OR: [{}, {id: 1}]}")).isEqualTo("id EQUALS 1");
        assertThat(where(postgres, "User", "{AND: [{OR: []}, {id: 1}]}")).isEqualTo("id EQUALS 1");
        assertThat(where(postgres, "User", "{NOT: [{id: 1}, {}]}")).isEqualTo("NOT(id EQUALS 1)");
    }

    @Test
    void relationFiltersNestAndAToOneShorthandIsAnIsCondition() {
        assertThat(where(postgres, "User", "{posts: {some: {title: 'a'}, none: {author: {is: {email: 'b'}}}}}"))
                .isEqualTo("AND(posts SOME (title EQUALS \"a\"), posts NONE (author IS (email EQUALS \"b\")))");
        assertThat(where(postgres, "User", "{team: null}")).isEqualTo("team IS NULL");
        assertThat(where(postgres, "User", "{team: {name: 'core'}}")).isEqualTo("team IS (name EQUALS \"core\")");
        assertThat(where(postgres, "User", "{team: {isNot: null}}")).isEqualTo("team IS NOT NULL");
        assertThat(where(postgres, "User", "{team: {}}")).isEqualTo("TRUE");
    }

    @Test
    void listAndJsonFiltersFollowTheDatabasesCapabilities() {
        assertThat(where(postgres, "User", "{tags: {hasSome: ['a', 'b']}}")).isEqualTo("tags HAS_SOME [a, b]");
        assertThat(where(postgres, "User", "{profile: {path: ['words'], gt: 100}}")).isEqualTo("profile[words] GT 100");
        assertThat(where(sqlite, "User", "{profile: {path: '$.words', string_contains: 'x'}}")).isEqualTo("profile[$.words] STRING_CONTAINS x");
        assertThat(error(() -> where(sqlite, "User", "{profile: {path: '$.words', gt: 1}}")))
                .isEqualTo("where.profile.gt: Unknown argument `gt` on Json field profile (SQLite has no such Json filter)");
        assertThat(error(() -> where(sqlite, "User", "{email: {mode: 'insensitive', equals: 'a'}}")))
                .startsWith("where.email.mode: Unknown argument `mode`.");
        ReadArguments equalityOnly = new ReadArguments(SCHEMA, EQUALITY_JSON);
        assertThat(where(equalityOnly, "User", "{profile: {equals: {a: 1}}}")).isEqualTo(where(postgres, "User", "{profile: {equals: {a: 1}}}"));
        assertThat(error(() -> where(equalityOnly, "User", "{profile: {path: ['words'], equals: 1}}")))
                .isEqualTo("where.profile.path: Unknown argument `path`. Available options are marked with ?.");
        assertThat(error(() -> where(equalityOnly, "User", "{profile: {string_contains: 'x'}}")))
                .isEqualTo("where.profile.string_contains: Unknown argument `string_contains`. Available options are marked with ?.");
    }

    @Test
    void unknownFieldsAndArgumentsAreRefusedWithPrismasTextAndPath() {
        assertThat(error(() -> where(postgres, "User", "{posts: {some: {titel: 'a'}}}")))
                .startsWith("where.posts.some.titel: Unknown argument `titel`. Did you mean `title`?");
        assertThat(error(() -> postgres.findMany(model("User"), json("{wehre: {}}"), "")))
                .startsWith("wehre: Unknown argument `wehre`. Did you mean `where`?");
        assertThat(error(() -> where(postgres, "User", "{OR: {id: 1}}")))
                .isEqualTo("where.OR: Argument `OR`: Invalid value provided. Expected UserWhereInput[], provided Object.");
        assertThat(error(() -> postgres.findMany(model("User"), json("{take: 'x'}"), "")))
                .isEqualTo("take: Argument `take`: Invalid value provided. Expected Int, provided String.");
    }

    @Test
    void aWhereUniqueNeedsOneOfTheCriteriaAndTakesACompoundKeyByItsClientName() {
        assertThat(render(postgres.whereUnique(model("Post"), json("{authorTitle: {authorId: 1, title: 't'}}"), "where")))
                .isEqualTo("AND(authorId EQUALS 1, title EQUALS \"t\")");
        assertThat(error(() -> postgres.whereUnique(model("Post"), json("{title: 't'}"), "where")))
                .contains("needs at least one of `id` or `authorTitle` arguments");
        assertThat(error(() -> postgres.whereUnique(model("Post"), json("{authorTitle: {authorId: 1}}"), "where")))
                .isEqualTo("where.authorTitle.title: Argument `title` is missing.");
        assertThat(postgres.uniqueValues(model("User"), json("{email: 'a@b'}"), "cursor").entrySet().stream()
                .map(e -> e.getKey().name() + "=" + e.getValue()).toList()).containsExactly("email=a@b");
    }

    @Test
    void orderByReadsFieldsPathsThroughToOneRelationsAndCounts() {
        ReadQuery q = postgres.findMany(model("Post"), json("""
                {orderBy: [{author: {team: {name: 'desc'}}}, {author: {posts: {_count: 'asc'}}}, {title: {sort: 'asc'}}], distinct: ['title']}"""), "");
        assertThat(q.orderBy().stream().map(ReadArgumentsTest::render).toList())
                .containsExactly("author.team.name desc", "author.posts._count asc", "title asc");
        assertThat(q.distinct().stream().map(f -> f.name()).toList()).containsExactly("title");
        assertThat(error(() -> postgres.findMany(model("Post"), json("{orderBy: {title: {sort: 'asc', nulls: 'first'}}}"), "")))
                .isEqualTo("orderBy.title.nulls: nulls can only be given for optional fields");
        // Without SortOrderInput (MongoDB's Prisma) an ordering is asc or desc only, also in a nested read.
        ReadArguments noNulls = new ReadArguments(SCHEMA, EQUALITY_JSON);
        assertThat(error(() -> noNulls.findMany(model("User"), json("{include: {posts: {orderBy: {title: {sort: 'asc'}}}}}"), "")))
                .isEqualTo("include.posts.orderBy.title: Invalid value for argument `title`. Expected SortOrder.");
        assertThat(noNulls.findMany(model("Post"), json("{orderBy: {title: 'desc'}}"), "").orderBy()).hasSize(1);
    }

    @Test
    void selectionListsTheDefaultScalarsIncludesAndCounts() {
        Selection s = postgres.selection(model("User"), json("{omit: {profile: true}, include: {posts: {take: 2}, _count: true}}"), "");
        assertThat(s.items().stream().map(Selection.Item::key).toList())
                .containsExactly("id", "email", "name", "role", "tags", "teamId", "posts", "_count");
        assertThat(((Selection.Relation) s.items().get(6)).query().take()).isEqualTo(2L);
        assertThat(error(() -> postgres.selection(model("User"), json("{select: {id: true}, include: {posts: true}}"), "")))
                .isEqualTo("Please either use `include` or `select`, but not both at the same time.");
        assertThat(error(() -> postgres.selection(model("User"), json("{include: {email: true}}"), "")))
                .startsWith("include.email: Invalid scalar field `email` for include statement on model User.");
    }

    private String where(ReadArguments reads, String model, String where) {
        return render(reads.where(model(model), json(where), "where"));
    }

    private static Model model(String name) { return SCHEMA.model(name); }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static String error(Runnable r) {
        try {
            r.run();
        } catch (QueryError e) {
            assertThat(e.code()).isEqualTo("P2009");
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }

    private static String render(Filter f) {
        return switch (f) {
            case Filter.Constant c -> c.value() ? "TRUE" : "FALSE";
            case Filter.And and -> and.filters().size() == 1 ? render(and.filters().getFirst()) : "AND(" + all(and.filters()) + ")";
            case Filter.Or or -> "OR(" + all(or.filters()) + ")";
            case Filter.Not not -> "NOT(" + render(not.filter()) + ")";
            case Filter.IsNull n -> n.field().name() + " IS NULL";
            case Filter.IsSet s -> s.field().name() + (s.set() ? " IS SET" : " IS NOT SET");
            case Filter.Compare c -> c.field().name() + " " + c.op() + " " + (c.value() instanceof String s ? "\"" + s + "\"" : c.value())
                    + (c.insensitive() ? " ci" : "");
            case Filter.In in -> in.field().name() + " IN " + in.values();
            case Filter.ListCondition l -> l.field().name() + " " + l.op() + " " + l.value();
            case Filter.JsonCondition j -> j.field().name() + "[" + String.join(",", j.path()) + "] " + j.op() + " " + j.value();
            case Filter.Composite c -> c.field().name() + " " + c.condition();
            case Filter.ToMany m -> m.field().name() + " " + m.quantifier() + " (" + render(m.filter()) + ")";
            // Without a filter, a negated to-one condition is "no related record" ({@code team: null}).
            case Filter.ToOne o -> o.filter() == null ? o.field().name() + (o.negated() ? " IS NULL" : " IS NOT NULL")
                    : o.field().name() + (o.negated() ? " IS NOT (" : " IS (") + render(o.filter()) + ")";
        };
    }

    private static String all(List<Filter> filters) { return filters.stream().map(ReadArgumentsTest::render).collect(Collectors.joining(", ")); }

    private static String render(Ordering o) {
        return switch (o) {
            case Ordering.ByField f -> path(f.path()) + f.field().name() + (f.descending() ? " desc" : " asc");
            case Ordering.ByRelationCount c -> path(c.path()) + c.relation().name() + "._count" + (c.descending() ? " desc" : " asc");
            default -> o.toString();
        };
    }

    private static String path(List<dev.facet.schema.model.RelationField> path) {
        return path.stream().map(r -> r.name() + ".").collect(Collectors.joining());
    }
}
