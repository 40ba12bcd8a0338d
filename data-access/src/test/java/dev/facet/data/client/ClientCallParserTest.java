package dev.facet.data.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.Engines;
import dev.facet.data.QueryEngine;
import dev.facet.data.StatementCount;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prisma Client calls as written in code become the requests {@code facet query} runs. */
class ClientCallParserTest {
    static final Schema SCHEMA = load("""
            datasource db {
              provider = "sqlite"
            }
            model User {
              id      Int      @id @default(autoincrement())
              email   String   @unique
              name    String?
              born    DateTime?
              balance Decimal?
              visits  BigInt?
              avatar  Bytes?
              posts   Post[]
            }
            model Post {
              id       Int    @id @default(autoincrement())
              title    String
              author   User   @relation(fields: [authorId], references: [id])
              authorId Int
            }
            model OrderLine {
              id Int @id
            }
            """);

    static Schema load(String text) {
        LoadResult r = SchemaLoader.load(new SourceFile("schema.prisma", text));
        assertThat(r.hasErrors()).as(() -> r.errors().toString()).isFalse();
        return r.schema().orElseThrow();
    }

    private static ClientCall parse(String text) { return ClientCallParser.parse(text, SCHEMA); }

    private static String args(String text) { return JsonCodec.write(parse(text).args()); }

    @Test
    void theIssuesExampleIsTheRequestFacetQueryRuns() {
        ClientCall c = parse("prisma.user.findMany({ where: { email: { contains: \"@example\" } }, include: { posts: true } })");
        assertThat(c.model()).isEqualTo("User");
        assertThat(c.action()).isEqualTo("findMany");
        assertThat(c.isWrite()).isFalse();
        assertThat(c.queryLine()).isEqualTo(
                "{\"model\":\"User\",\"action\":\"findMany\",\"args\":{\"where\":{\"email\":{\"contains\":\"@example\"}},\"include\":{\"posts\":true}}}");
    }

    @Test
    void relaxedSyntaxAsJavaScriptTakesIt() {
        assertThat(args("""
                await prisma.user.findMany({
                  // a comment
                  where: { 'name': 'O\\'Brien', "email": `a@b.c`, /* inline */ id: { in: [1, 0x10, 1_000, -2,], }, },
                  take: +5,
                  skip: undefined,
                });
                """)).isEqualTo("{\"where\":{\"name\":\"O'Brien\",\"email\":\"a@b.c\",\"id\":{\"in\":[1,16,1000,-2]}},\"take\":5}");
        assertThat(parse("prisma.orderLine.count()").model()).isEqualTo("OrderLine");
        assertThat(args("prisma.user.count()")).isEqualTo("{}");
    }

    @Test
    void datesBigIntsDecimalsAndBytesBecomePrismasTaggedValues() {
        assertThat(args("prisma.user.create({ data: { email: 'x', born: new Date('2024-01-31'), visits: 9007199254740993n,"
                + " balance: new Prisma.Decimal('1.50'), avatar: Buffer.from('aGk=', 'base64') } })")).isEqualTo(
                "{\"data\":{\"email\":\"x\",\"born\":{\"$type\":\"DateTime\",\"value\":\"2024-01-31T00:00:00.000Z\"},"
                        + "\"visits\":{\"$type\":\"BigInt\",\"value\":\"9007199254740993\"},"
                        + "\"balance\":{\"$type\":\"Decimal\",\"value\":\"1.50\"},\"avatar\":{\"$type\":\"Bytes\",\"value\":\"aGk=\"}}}");
        assertThat(args("prisma.user.findMany({ where: { visits: BigInt('-12'), balance: { gt: Decimal(0.1) },"
                + " born: { lt: new Date('2024-02-01T10:00:00.5+01:00') } } })")).isEqualTo(
                "{\"where\":{\"visits\":{\"$type\":\"BigInt\",\"value\":\"-12\"},\"balance\":{\"gt\":{\"$type\":\"Decimal\",\"value\":\"0.1\"}},"
                        + "\"born\":{\"lt\":{\"$type\":\"DateTime\",\"value\":\"2024-02-01T09:00:00.500Z\"}}}}");
        assertThat(args("prisma.user.findMany({ where: { name: Prisma.DbNull, visits: -5n } })"))
                .isEqualTo("{\"where\":{\"name\":{\"$type\":\"Enum\",\"value\":\"DbNull\"},\"visits\":{\"$type\":\"BigInt\",\"value\":\"-5\"}}}");
        assertThat(args("prisma.user.findMany({ where: { balance: { in: [Decimal(-1.25), new Decimal(+2), Prisma.Decimal(1e3)] } } })"))
                .isEqualTo("{\"where\":{\"balance\":{\"in\":[{\"$type\":\"Decimal\",\"value\":\"-1.25\"},"
                        + "{\"$type\":\"Decimal\",\"value\":\"2\"},{\"$type\":\"Decimal\",\"value\":\"1000\"}]}}}");
        assertThat(args("prisma.user.findMany({ where: { born: new Date(0) } })"))
                .isEqualTo("{\"where\":{\"born\":{\"$type\":\"DateTime\",\"value\":\"1970-01-01T00:00:00.000Z\"}}}");
    }

    private static void fails(String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(ClientSyntaxError.class).hasMessage(message);
    }

    @Test
    void mistakesSayWhatAndWhereAsLineAndColumn() {
        fails("prisma.user.findMany({ where: { email: 'a' }\n  take: 5 })", "2:3: expected ',' or '}' after the value of where, found 'take'");
        fails("prisma.user.findMany({ where: { email: 'a }) ", "1:40: this string is never closed (')");
        fails("prisma.users.findMany()", "1:8: prisma.users is not a model of the schema");
        fails("prisma.User.findMany()", "1:8: prisma.User is not a model: did you mean prisma.user?");
        fails("prisma.user.findAll()", "1:13: `findAll` is not a method of prisma.user: use one of " + String.join(", ", ClientCallParser.ACTIONS));
        fails("prisma.user.findMany({ where: { name: Bob } })", "1:39: `Bob` is not a value: write strings in quotes (\"Bob\")");
        fails("prisma.user.findMany({ where: { born: new Date('yesterday') } })", "1:43: Invalid Date: \"yesterday\" is not a date (write \"2024-01-31\" or \"2024-01-31T12:00:00Z\")");
        fails("prisma.user.findMany({ where: {}, where: {} })", "1:35: the key where is given twice");
        fails("prisma.user.findMany({ where: {", "1:32: this object is never closed ('}')");
        fails("prisma.user.findMany() prisma.user.count()", "1:24: expected the end of the call, found 'prisma': run one call at a time");
        fails("prisma.$transaction([])", "1:8: prisma.$transaction is not supported here: the console runs one model call at a time");
        fails("", "1:1: type a call such as prisma.user.findMany()");
        fails("prisma.user.count(5)", "1:19: count takes one object of arguments");
        fails("prisma.user.findMany({ take: 5 # })", "1:32: unexpected character '#'");
        fails("prisma.user.findMany({ where: { id: 12abc } })", "1:37: '12abc' is not a number");
    }

    @Test
    void theLenientTokenizerStopsWhereTextBeingTypedStops() {
        var tokens = ClientTokens.lenient("prisma.user.findMany({ where: { name: 'Al");
        assertThat(tokens.get(tokens.size() - 2).closed()).isFalse();
        assertThat(tokens.get(tokens.size() - 2).value()).isEqualTo("Al");
        assertThat(tokens.getLast().kind()).isEqualTo(ClientTokens.Kind.END);
    }

    @Test
    void aParsedCallRunsOnTheEngineAndItsStatementsAreCounted(@TempDir Path dir) {
        try (QueryEngine engine = Engines.open(SCHEMA, "file:./console.db", dir, StatementCount.LOG, true)) {
            ClientCall create = parse("prisma.user.create({ data: { email: 'ada@example.com', visits: 3n, balance: new Prisma.Decimal('2.5'),"
                    + " posts: { create: [{ title: 'One' }, { title: 'Two' }] } } })");
            engine.execute(create.model(), create.action(), create.args());
            ClientCall read = parse("prisma.user.findMany({ where: { email: { contains: '@example' } }, include: { posts: true } })");
            StatementCount.Counted<JsonNode> result = StatementCount.count(() -> engine.execute(read.model(), read.action(), read.args()));
            assertThat(result.value().get(0).get("visits").asText()).isEqualTo("3");
            assertThat(result.value().get(0).get("balance").asText()).isEqualTo("2.5");
            assertThat(result.value().get(0).get("posts")).hasSize(2);
            assertThat(result.statements()).isBetween(1, 2);
        }
    }
}
