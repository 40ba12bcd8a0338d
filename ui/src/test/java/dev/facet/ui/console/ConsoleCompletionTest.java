package dev.facet.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import dev.facet.ui.testing.DemoFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Completion in the console offers what Prisma Client takes at the caret, from the demo schema. */
class ConsoleCompletionTest {
    static final Schema DEMO = demo();

    static Schema demo() {
        LoadResult r = SchemaLoader.load(new SourceFile("schema.prisma", DemoFixture.demoSchemaText()));
        return r.schema().orElseThrow();
    }

    /** The suggestions where "|" is in {@code text}. */
    private static List<String> at(String text) {
        int caret = text.indexOf('|');
        String t = text.replace("|", "");
        return ConsoleCompletion.at(t, caret, DEMO).items().stream().map(ConsoleCompletion.Item::label).toList();
    }

    @Test
    void modelsAfterTheClientAndMethodsAfterAModel() {
        assertThat(at("prisma.|")).contains("customer", "orderLine", "product").doesNotContain("Customer");
        assertThat(at("prisma.ord|")).containsExactly("order", "orderLine");
        assertThat(at("await prisma.customer.find|")).containsExactly("findMany", "findFirst", "findFirstOrThrow", "findUnique", "findUniqueOrThrow");
        ConsoleCompletion.Suggestions s = ConsoleCompletion.at("prisma.cus", 10, DEMO);
        assertThat(s.from()).isEqualTo(7);
        assertThat(s.to()).isEqualTo(10);
    }

    @Test
    void argumentKeysFollowThePathInsideTheCall() {
        assertThat(at("prisma.customer.findMany({ |")).startsWith("where", "select", "include", "omit", "orderBy");
        assertThat(at("prisma.customer.findMany({ where: { |")).contains("email", "orders", "AND", "OR", "NOT");
        assertThat(at("prisma.customer.findMany({ where: { email: { |")).contains("contains", "startsWith", "mode", "equals");
        assertThat(at("prisma.customer.findMany({ where: { orders: { |")).containsExactly("some", "every", "none");
        assertThat(at("prisma.customer.findMany({ where: { orders: { some: { st|")).containsExactly("status");
        assertThat(at("prisma.customer.findMany({ where: { AND: [{ email: 'a' }, { |")).contains("email", "name");
        assertThat(at("prisma.customer.findMany({ include: { |")).contains("orders", "reviews", "address", "_count").doesNotContain("email");
        assertThat(at("prisma.customer.findMany({ include: { orders: { |")).contains("where", "take", "include");
        assertThat(at("prisma.customer.findMany({ include: { orders: { include: { lines: { select: { prod|")).containsExactlyInAnyOrder("product", "productId");
        assertThat(at("prisma.customer.update({ where: { id: 1 }, data: { points: { |")).containsExactly("set", "increment", "decrement", "multiply", "divide");
        assertThat(at("prisma.customer.create({ data: { orders: { |")).containsExactly("create", "connect", "connectOrCreate", "createMany");
        assertThat(at("prisma.customer.findMany({ where: { email: 'a', |")).contains("name").doesNotContain("email");
        assertThat(at("prisma.customer.findMany({ where: { email: 'a' }, |")).contains("take").doesNotContain("where");
    }

    @Test
    void keysInsideQuotesAreCompletedWithTheirQuotes() {
        assertThat(at("prisma.customer.findMany({ \"wh|")).containsExactly("\"where\"");
        assertThat(at("prisma.customer.findMany({ 'wh|")).containsExactly("'where'");
        assertThat(at("prisma.customer.findMany({ \"where\": { \"orders\": { \"so|")).containsExactly("\"some\"");
        ConsoleCompletion.Suggestions s = ConsoleCompletion.at("prisma.customer.findMany({ \"wh", 30, DEMO);
        assertThat(s.from()).isEqualTo(27);
    }

    @Test
    void valuesThatFitAfterAColon() {
        assertThat(at("prisma.customer.findMany({ where: { role: |")).containsExactly("'CUSTOMER'", "'STAFF'", "'ADMIN'");
        assertThat(at("prisma.customer.findMany({ where: { role: { not: 'AD|")).containsExactly("'ADMIN'");
        assertThat(at("prisma.customer.findMany({ where: { role: { not: \"AD|")).containsExactly("\"ADMIN\"");
        assertThat(at("prisma.order.update({ where: { id: 1 }, data: { status: { set: 'S|")).containsExactly("'SHIPPED'");
        assertThat(at("prisma.customer.findMany({ orderBy: { email: |")).containsExactly("'asc'", "'desc'");
        assertThat(at("prisma.customer.findMany({ where: { email: { contains: 'a', mode: |")).containsExactly("'insensitive'", "'default'");
        assertThat(at("prisma.product.findMany({ where: { active: |")).containsExactly("true", "false");
    }

    @Test
    void nothingInsideFinishedStringsOrWhereNoValueIsKnown() {
        assertThat(at("prisma.customer.findMany({ where: { email: 'ab|")).isEmpty();
        assertThat(at("prisma.customer.findMany({ where: { role: 'ADMIN'|")).isEmpty();
        assertThat(at("prisma.customer.findMany({ take: |")).isEmpty();
        assertThat(at("prisma.nothing.|")).isEmpty();
    }
}
