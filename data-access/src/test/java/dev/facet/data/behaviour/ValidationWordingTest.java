package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.error.QueryError;
import dev.facet.data.testdb.DbKind;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validation errors of reads and writes in Prisma 7's words (issue 14): each expectation is the last paragraph of the
 * message Prisma Client 7 gave for the same request ({@code tools/prisma-compare/suites/validation}), after Facet's
 * argument path. The wording does not depend on the database, so SQLite alone is used for the cases (a fresh
 * database per case on every backend would be some 300 databases for the same answers); where the wording follows a
 * capability, the test runs on every backend that has it.
 */
class ValidationWordingTest extends EngineSuite {
    static final String SCHEMA = DATASOURCE.replace("%PROVIDER%", "sqlite") + """
            enum Tier {
              FREE
              PRO
            }

            model Customer {
              id       Int       @id @default(autoincrement())
              email    String    @unique
              name     String?
              tier     Tier      @default(FREE)
              credit   Decimal   @default(0)
              points   BigInt    @default(0)
              rating   Float?
              active   Boolean   @default(true)
              joinedAt DateTime  @default(now())
              address  Address?
              orders   Order[]
            }

            model Address {
              id         Int      @id @default(autoincrement())
              city       String
              customerId Int      @unique
              customer   Customer @relation(fields: [customerId], references: [id])
            }

            model Order {
              id         Int      @id @default(autoincrement())
              number     String
              customerId Int
              customer   Customer @relation(fields: [customerId], references: [id])

              @@unique([customerId, number])
            }
            """;

    static Stream<Arguments> cases() {
        return Stream.of(
                // values of the wrong kind: the types Prisma lists depend on the place
                c("findMany", "{where: {email: 5}}", "where.email: Argument `email`: Invalid value provided. Expected StringFilter or String, provided Int."),
                c("findMany", "{where: {name: true}}", "where.name: Argument `name`: Invalid value provided. Expected StringNullableFilter, String or Null, provided Boolean."),
                c("findMany", "{where: {email: {equals: 5}}}", "where.email.equals: Argument `equals`: Invalid value provided. Expected String or StringFieldRefInput, provided Int."),
                c("findMany", "{where: {name: {equals: 5}}}", "where.name.equals: Argument `equals`: Invalid value provided. Expected String, StringFieldRefInput or Null, provided Int."),
                c("findMany", "{where: {rating: {gt: 'x'}}}", "where.rating.gt: Argument `gt`: Invalid value provided. Expected Float or FloatFieldRefInput, provided String."),
                c("findMany", "{where: {email: {in: [5]}}}", "where.email.in: Argument `in`: Invalid value provided. Expected String, provided Int."),
                c("findMany", "{where: {rating: {in: ['x']}}}", "where.rating.in: Argument `in`: Invalid value provided. Expected Float or Null, provided (String)."),
                c("findMany", "{where: {active: {not: 'x'}}}", "where.active.not: Argument `not`: Invalid value provided. Expected Boolean or NestedBoolFilter, provided String."),
                c("findMany", "{where: {tier: 5}}", "where.tier: Argument `tier`: Invalid value provided. Expected EnumTierFilter or Tier, provided Int."),
                c("findMany", "{where: {tier: {equals: [1]}}}", "where.tier.equals: Argument `equals`: Invalid value provided. Expected Tier or EnumTierFieldRefInput, provided (Int)."),
                c("findMany", "{where: {points: 1.5}}", "where.points: Argument `points`: Invalid value provided. Expected BigIntFilter or BigInt, provided Float."),
                c("create", "{data: {email: 'a', active: 'yes'}}", "data.active: Argument `active`: Invalid value provided. Expected Boolean, provided String."),
                c("create", "{data: {email: 'a', rating: true}}", "data.rating: Argument `rating`: Invalid value provided. Expected Float or Null, provided Boolean."),
                c("update", "{where: {id: 1}, data: {active: 5}}", "data.active: Argument `active`: Invalid value provided. Expected Boolean or BoolFieldUpdateOperationsInput, provided Int."),
                c("update", "{where: {id: 1}, data: {name: 5}}", "data.name: Argument `name`: Invalid value provided. Expected String, NullableStringFieldUpdateOperationsInput or Null, provided Int."),
                c("update", "{where: {id: 1}, data: {credit: {set: true}}}", "data.credit.set: Argument `set`: Invalid value provided. Expected Decimal, provided Boolean."),
                c("update", "{where: {id: 1}, data: {rating: {increment: true}}}", "data.rating.increment: Argument `increment`: Invalid value provided. Expected Float, provided Boolean."),
                // sixth round: objects and values where Prisma expects another input type
                c("findMany", "{where: {email: {equals: {a: 1}}}}", "where.email.equals: Argument `_ref` is missing."),
                c("findMany", "{where: {email: {equals: 'x', mode: 'weird'}}}", "where.email.mode: Unknown argument `mode`. Did you mean `lte`? Available options are marked with ?."),
                c("findMany", "{where: {orders: {every: 1}}}", "where.orders.every: Argument `every`: Invalid value provided. Expected OrderWhereInput, provided Int."),
                c("findMany", "{where: {address: 5}}", "where.address: Argument `address`: Invalid value provided. Expected AddressNullableScalarRelationFilter, AddressWhereInput or Null, provided Int."),
                c("findMany", "{where: 5}", "where: Argument `where`: Invalid value provided. Expected CustomerWhereInput, provided Int."),
                c("findMany", "{orderBy: [{email: 'asc', id: 'asc'}]}", "orderBy: Argument `orderBy`: Invalid value provided. Expected CustomerOrderByWithRelationInput, provided (Object)."),
                c("findMany", "{orderBy: {address: 'asc'}}", "orderBy.address: Argument `address`: Invalid value provided. Expected AddressOrderByWithRelationInput, provided String."),
                c("findMany", "{orderBy: {orders: 'asc'}}", "orderBy.orders: Argument `orders`: Invalid value provided. Expected OrderOrderByRelationAggregateInput, provided String."),
                c("groupBy", "{by: []}", "by: The `select` statement for type CustomerGroupByOutputType must not be empty. Available options are marked with ?."),
                c("create", "{}", "data.email: Argument `email` is missing."),
                c("create", "{data: {email: 'q', orders: 5}}", "data.orders: Argument `orders`: Invalid value provided. Expected OrderCreateNestedManyWithoutCustomerInput or OrderUncheckedCreateNestedManyWithoutCustomerInput, provided Int."),
                c("update", "{where: {id: 1}, data: {orders: {connect: {number: 'x'}}}}", "data.orders.connect: Argument `connect`: Invalid value provided. Expected OrderWhereUniqueInput[], provided Object."),
                c("Order:findUnique", "{where: {customerId_number: 5}}", "where.customerId_number: Argument `customerId_number`: Invalid value provided. Expected OrderCustomerIdNumberCompoundUniqueInput, provided Int."),
                c("update", "{where: {id: 1}, data: {orders: {deleteMany: {numbr: 'x'}}}}", "data.orders.deleteMany.numbr: Unknown argument `numbr`. Did you mean `number`? Available options are marked with ?."),
                // strings Prisma cannot parse as the type
                c("findMany", "{where: {tier: 'GOLD'}}", "where.tier: Invalid value for argument `tier`. Expected Tier."),
                c("findMany", "{where: {tier: {in: ['GOLD']}}}", "where.tier.in: Invalid value for argument `in`. Expected Tier."),
                c("findMany", "{where: {credit: 'x'}}", "where.credit: Invalid value for argument `credit`: invalid digit found in string. Expected decimal String."),
                c("findMany", "{where: {credit: ''}}", "where.credit: Invalid value for argument `credit`: Failed to parse empty string. Expected decimal String."),
                c("findMany", "{where: {points: ''}}", "where.points: Invalid value for argument `points`: cannot parse integer from empty string. Expected big integer String."),
                c("update", "{where: {id: 1}, data: {points: {increment: 'x'}}}", "data.points.increment: Invalid value for argument `increment`: invalid digit found in string. Expected big integer String."),
                c("findMany", "{where: {joinedAt: '2020-01-01'}}", "where.joinedAt: Invalid value for argument `joinedAt`: premature end of input. Expected ISO-8601 DateTime."),
                c("findMany", "{where: {joinedAt: {gt: 'yesterday'}}}", "where.joinedAt.gt: Invalid value for argument `gt`: input contains invalid characters. Expected ISO-8601 DateTime."),
                c("findMany", "{where: {joinedAt: '2020-13-01T00:00:00Z'}}", "where.joinedAt: Invalid value for argument `joinedAt`: input is out of range. Expected ISO-8601 DateTime."),
                c("findMany", "{where: {joinedAt: '2020-01-01T00:00:00Zx'}}", "where.joinedAt: Invalid value for argument `joinedAt`: trailing input. Expected ISO-8601 DateTime."),
                // nulls and missing arguments
                c("update", "{where: {id: 1}, data: {points: {increment: null}}}", "data.points.increment: Argument `increment` must not be null."),
                c("update", "{where: {id: 1}, data: {active: {set: null}}}", "data.active.set: Argument `set` must not be null."),
                c("findMany", "{where: {active: {not: null}}}", "where.active.not: Argument `not` must not be null."),
                c("Order:findUnique", "{where: {customerId_number: {customerId: 1}}}", "where.customerId_number.number: Argument `number` is missing."),
                c("findUnique", "{where: {id: null}}", "where.id: Argument `id` must not be null."),
                // unknown arguments and fields
                c("findMany", "{where: {emial: 'x'}}", "where.emial: Unknown argument `emial`. Did you mean `email`? Available options are marked with ?."),
                c("findMany", "{where: {orders: {some: {numbr: 'x'}}}}", "where.orders.some.numbr: Unknown argument `numbr`. Did you mean `number`? Available options are marked with ?."),
                c("findMany", "{where: {email: {contain: 'x'}}}", "where.email.contain: Unknown argument `contain`. Did you mean `contains`? Available options are marked with ?."),
                c("findMany", "{where: {email: {a: 1}}}", "where.email.a: Unknown argument `a`. Did you mean `in`? Available options are marked with ?."),
                c("findMany", "{where: {active: {in: [true]}}}", "where.active.in: Unknown argument `in`. Did you mean `not`? Available options are marked with ?."),
                c("update", "{where: {id: 1}, data: {points: {add: 1}}}", "data.points.add: Unknown argument `add`. Did you mean `set`? Available options are marked with ?."),
                c("findMany", "{select: {nope: true}}", "select.nope: Unknown field `nope` for select statement on model `Customer`. Available options are marked with ?."),
                c("findMany", "{include: {nope: true}}", "include.nope: Unknown field `nope` for include statement on model `Customer`. Available options are marked with ?."),
                c("findMany", "{omit: {nope: true}}", "omit.nope: Unknown field `nope` for omit statement on model `Customer`. Available options are marked with ?."),
                c("findMany", "{include: {email: true}}", "include.email: Invalid scalar field `email` for include statement on model Customer. Available options are marked with ?.\n"
                        + "Note that include statements only accept relation fields."),
                c("findMany", "{orderBy: {emial: 'asc'}}", "orderBy.emial: Unknown argument `emial`. Did you mean `email`? Available options are marked with ?."),
                c("findMany", "{wher: {}}", "wher: Unknown argument `wher`. Did you mean `where`? Available options are marked with ?."),
                c("findMany", "{nope: 1}", "nope: Unknown argument `nope`. Did you mean `take`? Available options are marked with ?."),
                c("findMany", "{where: {orders: {any: {}}}}", "where.orders.any: Unknown argument `any`. Did you mean `none`? Available options are marked with ?."),
                c("aggregate", "{_avg: {email: true}}", "_avg.email: Unknown field `email` for select statement on model `CustomerAvgAggregateOutputType`. "
                        + "Available options are marked with ?."),
                c("count", "{select: {nope: true}}", "select.nope: Unknown field `nope` for select statement on model `CustomerCountAggregateOutputType`. "
                        + "Available options are marked with ?."),
                c("aggregate", "{nope: true}", "nope: Unknown argument `nope`. Did you mean `take`? Available options are marked with ?."),
                c("updateManyAndReturn", "{data: {name: 'x'}, select: {orders: true}}", "select.orders: Unknown field `orders` for select statement on model "
                        + "`UpdateManyCustomerAndReturnOutputType`. Available options are marked with ?."),
                c("findMany", "{where: {address: {cty: 'x'}}}", "where.address.cty: Unknown argument `cty`. Did you mean `is`? Available options are marked with ?."),
                c("createMany", "{data: [{email: 'q'}], skipDuplicates: true}", "skipDuplicates: Unknown argument `skipDuplicates`. Available options are marked with ?."),
                c("updateMany", "{data: {name: 'q'}, limit: 'x'}", "limit: Argument `limit`: Invalid value provided. Expected Int, provided String."),
                c("update", "{where: {id: 1}, data: {points: {}}}", "data.points: Argument `points`: Invalid value provided. Expected BigInt, provided Object."),
                c("update", "{where: {id: 1}, data: {orders: {connect: 5}}}", "data.orders.connect: Argument `connect`: Invalid value provided. "
                        + "Expected OrderWhereUniqueInput or OrderWhereUniqueInput[], provided Int."),
                c("update", "{where: {id: 1}, data: {address: {delete: 'yes'}}}", "data.address.delete: Argument `delete`: Invalid value provided. "
                        + "Expected Boolean or AddressWhereInput, provided String."),
                c("findMany", "{select: {}}", "select: The `select` statement for type Customer must not be empty. Available options are marked with ?."),
                c("createMany", "{data: [{email: 'q'}, {nope: 1}]}", "data.1.email: Argument `email` is missing."),
                // argument values
                c("findMany", "{orderBy: {email: 'up'}}", "orderBy.email: Invalid value for argument `email`. Expected SortOrder."),
                c("findMany", "{orderBy: {rating: {sort: 'asc', nulls: 'top'}}}", "orderBy.rating.nulls: Invalid value for argument `nulls`. Expected NullsOrder."),
                c("findMany", "{take: 'x'}", "take: Argument `take`: Invalid value provided. Expected Int, provided String."),
                c("findMany", "{distinct: ['emial']}", "distinct: Invalid value for argument `distinct`. Expected CustomerScalarFieldEnum."),
                c("groupBy", "{}", "by: Argument `by` is missing."),
                c("findUnique", "{where: {name: 'A'}}", "where: Argument `where` of type CustomerWhereUniqueInput needs at least one of `id` or `email` arguments. "
                        + "Available options are marked with ?."),
                c("findMany", "{omit: {id: true}, select: {id: true}}", "Please either use `omit` or `select`, but not both at the same time."),
                c("findMany", "{include: {orders: true}, select: {id: true}}", "Please either use `include` or `select`, but not both at the same time."));
    }

    private static Arguments c(String action, String args, String message) {
        return Arguments.of(action, args.replace('\'', '"').replaceAll("([{,]\\s*)(\\w+):", "$1\"$2\":"), message);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void validationErrorsAreWordedAsPrisma7WordsThem(String action, String args, String message) {
        open(DbKind.SQLITE, "foreignKeys", SCHEMA);
        String model = action.contains(":") ? action.substring(0, action.indexOf(':')) : "Customer";
        Throwable t = catchThrowable(() -> run(model, action.substring(action.indexOf(':') + 1), args));
        assertThat(t).as(args).isInstanceOf(QueryError.class);
        // Prisma reports both as a validation error; Facet keeps P2012 for a missing required value.
        assertThat(((QueryError) t).code()).isIn("P2009", "P2012");
        assertThat(t.getMessage()).isEqualTo(message);
    }

    /**
     * Where scalar lists exist (PostgreSQL among the SQL databases) in/notIn may also be a list field reference, which
     * Prisma names, and it names the list's kind.
     */
    @EveryBackend(requires = ConnectorCapability.SCALAR_LISTS, schema = {SchemaFeature.AUTOINCREMENT, SchemaFeature.DECIMAL})
    void inListsWhereScalarListsExistNameTheListFieldReference(Backend backend) {
        open(backend, "foreignKeys", SCHEMA.replace("\"sqlite\"", "\"%PROVIDER%\""));
        Throwable t = catchThrowable(() -> run("Customer", "findMany", "{\"where\": {\"email\": {\"in\": [5]}}}"));
        assertThat(t).hasMessage("where.email.in: Argument `in`: Invalid value provided. Expected String or ListStringFieldRefInput, provided (Int).");
        t = catchThrowable(() -> run("Customer", "findMany", "{\"where\": {\"tier\": {\"in\": \"PRO\"}}}"));
        assertThat(t).hasMessage("where.tier.in: Argument `in`: Invalid value provided. Expected Tier[] or ListEnumTierFieldRefInput, provided String.");
    }
}
