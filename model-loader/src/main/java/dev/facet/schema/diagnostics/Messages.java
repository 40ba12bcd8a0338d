package dev.facet.schema.diagnostics;

import dev.facet.schema.ast.BlockKind;
import dev.facet.schema.ast.Expression;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.ReferentialAction;
import dev.facet.schema.model.ScalarType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every message the loader reports, worded exactly as Prisma words it, so that tests can assert
 * exact text and wording stays consistent. Grouped by the pass that reports them.
 *
 * <p>Longer than the house's 600 lines on purpose: a catalogue of short functions, one per message, with no logic
 * between them; one place to look up or change a wording matters more here than file size.
 */
public final class Messages {
    private Messages() {}

    // ---------------------------------------------------------------- prefixes Prisma uses

    /** {@code Error validating model "User": ...} */
    public static String modelValidation(String container, String name, String message) {
        return "Error validating " + container + " \"" + name + "\": " + message;
    }

    /** {@code Error parsing attribute "@id": ...} */
    public static String attributeValidation(String attribute, String message) {
        return "Error parsing attribute \"" + attribute + "\": " + message;
    }

    /** {@code Error validating field `posts` in model `User`: ...} */
    public static String fieldValidation(String field, String container, String model, String message) {
        return "Error validating field `" + field + "` in " + container + " `" + model + "`: " + message;
    }

    /** {@code Error validating: ...} */
    public static String validation(String message) {
        return "Error validating: " + message;
    }

    /** The connector's display name, as Prisma prints it in some messages ({@code Postgres}, {@code SQL Server}). */
    public static String connectorName(Provider provider) {
        return switch (provider) {
            case POSTGRESQL -> "Postgres";
            case MYSQL -> "MySQL";
            case SQLITE -> "sqlite";
            case MONGODB -> "MongoDB";
            case COCKROACHDB -> "CockroachDB";
            case SQLSERVER -> "SQL Server";
        };
    }

    /** The word Prisma uses for a block kind in messages: model, view, composite type, enum. */
    public static String containerLabel(BlockKind kind) {
        return switch (kind) {
            case MODEL -> "model";
            case VIEW -> "view";
            case TYPE -> "composite type";
            case ENUM -> "enum";
            case DATASOURCE -> "datasource";
            case GENERATOR -> "generator";
        };
    }

    // ---------------------------------------------------------------- parser

    public static String invalidTopLevelLine() {
        return validation("This line is invalid. It does not start with any known Prisma schema keyword.");
    }

    public static String invalidBlock() {
        return validation("This block is invalid. It does not start with any known Prisma schema keyword. "
                + "Valid keywords include 'model', 'enum', 'type', 'datasource' and 'generator'.");
    }

    public static String invalidBlockLine(BlockKind kind) {
        return validation(switch (kind) {
            case ENUM -> "This line is not an enum value definition.";
            case DATASOURCE -> "This line is not a valid definition within a datasource.";
            case GENERATOR -> "This line is not a valid definition within a generator.";
            default -> "This line is not a valid field or attribute definition.";
        });
    }

    public static String fieldDeclarationInvalid(BlockKind kind, String blockName) {
        return modelValidation(containerLabel(kind), blockName,
                "This field declaration is invalid. It is either missing a name or a type.");
    }

    public static String unclosedBlock(String keyword, String name) {
        return validation("The " + keyword + " \"" + name + "\" is missing its closing brace `}`.");
    }

    public static String unterminatedString() {
        return validation("This string literal is not terminated: a closing `\"` is missing.");
    }

    /** Facet's own: the parser stops at this depth rather than recurse without bound (Prisma's stack overflows). */
    public static String nestedTooDeeply(int maxLevels) {
        return validation("This expression is nested too deeply (more than " + maxLevels
                + " levels of brackets and parentheses).");
    }

    // ---------------------------------------------------------------- arguments and values

    public static String typeMismatch(String expected, Expression received) {
        return "Expected a " + expected + " value, but received " + received.describe() + ".";
    }

    public static String argumentMissing(String name) { return "Argument \"" + name + "\" is missing."; }

    public static String emptyArgument(String name) { return "The argument `" + name + "` has no value."; }

    public static String noSuchArgument() { return "No such argument."; }

    public static String argumentNotKnown(String name) { return "Argument not known: \"" + name + "\"."; }

    public static String argumentMustHaveName() { return "The argument must have a name"; }

    public static String argumentDefinedOnce(String name) { return "The argument `" + name + "` can only be defined once"; }

    public static String attributeNotKnown(String name) { return "Attribute not known: \"" + name + "\"."; }

    public static String attributeDefinedOnce(String name) { return "Attribute \"" + name + "\" can only be defined once."; }

    public static String nonNegativeInteger(String value) { return "Expected a nonnegative integer, but found (" + value + ")."; }

    // ---------------------------------------------------------------- datasource and generators

    public static String duplicateTopLevel(String kind, String name, String existingKind) {
        return "The " + kind + " \"" + name + "\" cannot be defined because a " + existingKind + " with that name already exists.";
    }

    public static String moreThanOneDatasource() { return "You defined more than one datasource. This is not allowed yet because support for multiple databases has not been implemented yet."; }

    public static String propertyWithoutValue(String key, String blockKind, String blockName) {
        return "Property " + key + " in " + blockKind + " " + blockName + " needs to be assigned a value";
    }

    public static String duplicateProperty(String key) { return "Key \"" + key + "\" is already defined."; }

    public static String generatorArgumentMissing(String name, String generator) {
        return "Argument \"" + name + "\" is missing in generator block \"" + generator + "\".";
    }

    public static String datasourceArgumentMissing(String name, String datasource) {
        return "Argument \"" + name + "\" is missing in data source block \"" + datasource + "\".";
    }

    public static String unknownProvider(String provider) {
        return "Datasource provider not known: \"" + provider + "\".";
    }

    public static String providerFromEnv() { return "A datasource must not use the env() function in the provider argument."; }

    public static String shadowSameAs(String other, String datasource) {
        return "shadowDatabaseUrl is the same as " + other + " for datasource \"" + datasource
                + "\". Please specify a different database as shadow database to avoid data loss.";
    }

    public static String envNamedArguments() { return "The env function doesn't expect named arguments"; }

    public static String envArgument() { return "The env function expects a singular, unnamed, string argument."; }

    public static String referentialIntegrityDeprecated() {
        return "The `referentialIntegrity` attribute is deprecated. Please use `relationMode` instead. Learn more at https://pris.ly/d/relation-mode";
    }

    public static String referentialIntegrityAndRelationMode() {
        return "The `referentialIntegrity` and `relationMode` attributes cannot be used together. Please use only `relationMode` instead.";
    }

    public static String invalidRelationMode(String value) {
        return "Invalid relation mode setting: \"" + value + "\". Supported values: \"prisma\", \"foreignKeys\"";
    }

    public static String propertyNotSupported(String property) {
        return "The `" + property + "` property is not supported on the current connector.";
    }

    public static String propertyNotKnown(String property) { return "Property not known: \"" + property + "\"."; }

    public static String propertyRequiresPreview(String property, String feature) {
        return "The `" + property + "` property is only available with the `" + feature + "` preview feature.";
    }

    public static String duplicatedSchemaNames() { return "Duplicated schema names are not allowed"; }

    public static String extensionNameCharacter(char c) { return "The character `" + c + "` is not allowed in extension names."; }

    public static String previewFeatureUnknown(String feature, List<String> known) {
        return "The preview feature \"" + feature + "\" is not known. Expected one of: " + String.join(", ", known);
    }

    public static String previewFeatureDeprecated(String feature) {
        return "Preview feature \"" + feature + "\" is deprecated. The functionality can be used without specifying it as a preview feature.";
    }

    public static String previewFeatureDeprecatedRemoved(String feature) {
        return "Preview feature \"" + feature + "\" is deprecated. It will be removed in a future version of Prisma.";
    }

    public static String previewFeatureRenamedPostgres(String feature) {
        return "On `provider = \"postgresql\"`, preview feature \"" + feature
                + "\" has been renamed to \"fullTextSearchPostgres\". Learn more at https://pris.ly/d/fts-postgres.";
    }

    // ---------------------------------------------------------------- names and types

    public static String nameStartsWithNumber(String what) { return "The name of a " + what + " must not start with a number."; }

    public static String reservedName(String kind, String name) {
        return "The " + kind + " name `" + name + "` is invalid. It is a reserved name. Please change it. Read more at https://pris.ly/d/naming-models";
    }

    public static String duplicateField(String field, String container, String name) {
        return "Field \"" + field + "\" is already defined on " + container + " \"" + name + "\".";
    }

    public static String duplicateEnumValue(String value, String enumName) {
        return "Value \"" + value + "\" is already defined on enum \"" + enumName + "\".";
    }

    public static String enumWithoutValues() { return "An enum must have at least one value."; }

    public static String enumsNotSupported(String enumName) {
        return "You defined the enum `" + enumName + "`. But the current connector does not support enums.";
    }

    public static String typeAliasNotSupported() {
        return validation("Invalid type definition. Please check the documentation in https://pris.ly/d/composite-types");
    }

    public static String unknownType(String name) {
        return "Type \"" + name + "\" is neither a built-in type, nor refers to another model, composite type, or enum.";
    }

    public static String optionalListsNotSupported() { return "Optional lists are not supported. Use either `Type[]` or `Type?`."; }

    public static String legacyRequiredType() { return "Fields are required by default, `!` is no longer required."; }

    public static String legacyListType() { return "To specify a list, please use `Type[]` instead of `[Type]`."; }

    public static String jsonNotSupported(String field, String model) {
        return "Field `" + field + "` in model `" + model + "` can't be of type Json. The current connector does not support the Json type.";
    }

    public static String decimalNotSupported(String field, String model) {
        return "Field `" + field + "` in model `" + model + "` can't be of type Decimal. The current connector does not support the Decimal type.";
    }

    public static String scalarListsNotSupported() { return "Field is a scalar list, which the current connector does not support."; }

    public static String compositeTypesNotSupported(Provider provider) {
        return validation("Composite types are not supported on " + connectorName(provider) + ".");
    }

    public static String compositeTypeRelation(String compositeType, String model) {
        return modelValidation("composite type", compositeType, model
                + " refers to a model, making this a relation field. Relation fields inside composite types are not supported.");
    }

    public static String compositeFieldAttributeNotAllowed(String attribute) {
        return "Defining `" + attribute + "` attribute for a field in a composite type is not allowed.";
    }

    public static String compositeTypeId() { return "A composite type cannot define an id."; }

    public static String compositeTypeUnique() { return "A unique constraint should be defined in the model containing the embed."; }

    public static String compositeTypeIndex() { return "An index should be defined in the model containing the embed."; }

    public static String compositeTypeFulltext() { return "A fulltext index should be defined in the model containing the embed."; }

    // ---------------------------------------------------------------- field attributes

    public static String attributeOnRelationField(String attribute) {
        return "The attribute `" + attribute + "` cannot be used on relation fields.";
    }

    public static String relationFieldId(String field) {
        return "The field `" + field + "` is a relation field and cannot be marked with `@id`. Only scalar fields can be declared as id.";
    }

    /** Prisma suggests the relation's own scalar fields: one field, or a compound unique over several. */
    public static String relationFieldUnique(String field, List<String> scalarFields) {
        String suggestion = switch (scalarFields.size()) {
            case 0 -> "";
            case 1 -> " Did you mean to put it on `" + scalarFields.getFirst() + "`?";
            default -> " Did you mean to provide `@@unique([" + String.join(", ", scalarFields) + "])`?";
        };
        return "The field `" + field + "` is a relation field and cannot be marked with `unique`. Only scalar fields can be made unique."
                + suggestion;
    }

    public static String relationFieldDefault() { return "Cannot set a default value on a relation field."; }

    public static String ignoreInIgnoredModel() { return "Fields on an already ignored Model do not need an `@ignore` annotation."; }

    public static String relationToIgnoredModel(String field, String model, String target) {
        return "The relation field `" + field + "` on Model `" + model + "` must specify the `@ignore` attribute, because the model "
                + target + " it is pointing to is marked ignored.";
    }

    public static String mongoFieldNameDollar() { return "The field name cannot start with a `$` character"; }

    public static String mongoFieldNamePeriod() { return "The field name cannot contain a `.` character"; }

    public static String updatedAtNotDateTime() { return "Fields that are marked with @updatedAt must be of type DateTime."; }

    public static String updatedAtOnList() { return "Fields that are marked with @updatedAt cannot be lists."; }

    public static String idMustBeRequired() { return "Fields that are marked as id must be required."; }

    public static String relationOnScalarField() { return "Invalid field type, not a relation."; }

    public static String invalidReferentialActionName(String name) {
        return "Invalid referential action: `" + name + "`";
    }

    public static String shardKeysNeedPreview() { return "Defining shard keys requires enabling the `shardKeys` preview feature"; }

    public static String shardKeysNotSupported(String provider) { return "Shard keys are not currently supported for provider " + provider; }

    public static String shardKeyMustBeRequired() { return "Fields that are marked as shard keys must be required."; }

    public static String atMostOneShardKey() { return "At most one field must be marked as the shard key with the `@shardKey` attribute."; }

    public static String fieldAndBlockShardKey() {
        return "Each model must have at most one shard key. You can't have `@shardKey` and `@@shardKey` at the same time.";
    }

    public static String compoundNameClash(String field, String attribute) {
        return "The field `" + field + "` clashes with the `" + attribute + "` name. Please resolve the conflict by providing a custom id name: `"
                + attribute + "([...], name: \"custom_name\")`";
    }

    public static String shardKeyUnknownFields(List<String> fields) {
        return "The multi field shard key declaration refers to the unknown fields " + backticked(fields) + ".";
    }

    public static String shardKeyRelationField(String field) {
        return "The shard key definition refers to the relation field `" + field + "`. Shard key definitions must reference only scalar fields.";
    }

    public static String shardKeyOptionalField(String field) {
        return "The shard key definition refers to the optional field `" + field + "`. Shard key definitions must reference only required fields.";
    }

    // ---------------------------------------------------------------- defaults

    public static String defaultFunctionType(String function, String type) {
        return "The function `" + function + "()` cannot be used on fields of type `" + type + "`.";
    }

    public static String defaultNotSupportedByDatasource(String function) {
        return "The `" + function + "` default value is used with a datasource that does not support it.";
    }

    public static String functionTakesSingleInt(String function) { return "`" + function + "()` takes a single Int argument."; }

    public static String cuidArguments() { return "`cuid()` takes either no argument, or a single integer argument which is either 1 or 2."; }

    public static String uuidArguments() { return "`uuid()` takes either no argument, or a single integer argument which is either 4 or 7."; }

    public static String nanoidArguments() { return "`nanoid()` takes either no argument, or a single integer argument between 2 and 255."; }

    public static String dbgeneratedEmpty() { return "dbgenerated() takes either no argument, or a single nonempty string argument."; }

    public static String dbgeneratedArgument() { return "`dbgenerated()` takes a single String argument"; }

    public static String autoNotSupported() { return "The current connector does not support the `auto()` function."; }

    public static String unknownDefaultFunction(String name) {
        return "Unknown function in @default(): `" + name + "` is not known. You can read about the available functions here: https://pris.ly/d/attribute-functions";
    }

    public static String defaultListOnScalar() { return "The default value of a non-list field cannot be a list."; }

    public static String defaultEnumNotConstant(Expression value) {
        return "Expected an enum value, but found `" + value.span().text() + "`.";
    }

    /** A literal of the wrong kind for a built-in scalar type, e.g. {@code Expected a Int value, but found `"x"`.} */
    public static String defaultTypeMismatch(String scalarType, Expression value) {
        return "Expected a " + scalarType + " value, but found `" + value.span().text() + "`.";
    }

    public static String defaultBooleanLiteral() { return "A boolean literal must be `true` or `false`."; }

    public static String defaultListMustBeList() { return "The default value of a list field must be a list."; }

    public static String defaultInvalidInteger(String value, String reason) {
        return "Parse error: \"" + value + "\" is not a valid integer. (" + reason + ")";
    }

    public static String defaultOnUnsupported() { return "Only @default(dbgenerated(\"...\")) can be used for Unsupported types."; }

    public static String namedDefaultNotSupported() {
        return "You defined a database name for the default value of a field on the model. This is not supported by the provider.";
    }

    public static String functionTakesNoArgument(String function) {
        return "The `" + function + "` function does not take any argument. Consider changing this default to `" + function + "()`.";
    }

    public static String autoArguments() { return "`auto()` takes no arguments"; }

    public static String cockroachAutoincrementOnInt() {
        return "The `autoincrement()` default function is defined only on BigInt fields on CockroachDB. "
                + "Use sequence() if you want an autoincrementing Int field.";
    }

    public static String mongoAutoNeedsObjectId() { return "MongoDB `@default(auto())` fields must have `ObjectId` native type."; }

    public static String mongoAutoNeedsId() { return "MongoDB `@default(auto())` fields must have the `@id` attribute."; }

    public static String defaultNotEnumValue(String value) {
        return "The defined default value `" + value + "` is not a valid value of the enum specified for the field.";
    }

    public static String defaultOnComposite() { return "Defaults on fields of type composite are not supported. Please remove the `@default` attribute."; }

    public static String defaultInvalidDateTime(String value, String reason) {
        return "Parse error: \"" + value + "\" is not a valid rfc3339 datetime string. (" + reason + ")";
    }

    public static String defaultInvalidJson(String value) { return "Parse error: \"" + value + "\" is not a valid JSON string."; }

    // ---------------------------------------------------------------- native types

    public static String nativeTypePrefix(String prefix, String datasource, String type) {
        return "The prefix " + prefix + " is invalid. It must be equal to the name of an existing datasource e.g. " + datasource
                + ". Did you mean to use " + datasource + "." + type + "?";
    }

    public static String nativeTypeNotSupported(String type, String provider) {
        return "Native type " + type + " is not supported for " + provider + " connector.";
    }

    public static String nativeTypeIncompatible(String type, String fieldType, List<ScalarType> expected) {
        List<String> names = expected.stream().map(ScalarType::id).toList();
        String joined = names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
        return "Native type " + type + " is not compatible with declared field type " + fieldType + ", expected field type " + joined + ".";
    }

    public static String nativeTypeOnNonScalar(String type) {
        return "Native type " + type + " can only be used on scalar fields.";
    }

    public static String nativeTypeArguments(String type, int min, int max, int received) {
        String expected = min == max ? String.valueOf(min) : min + " to " + max;
        return "Native type " + type + " takes " + expected + " arguments, but received " + received + ".";
    }

    // ---------------------------------------------------------------- ids, uniques, indexes

    public static String multipleIdFields() { return "At most one field must be marked as the id field with the `@id` attribute."; }

    public static String idAndCompoundId() {
        return "Each model must have at most one id criteria. You can't have `@id` and `@@id` at the same time.";
    }

    public static String compoundIdOptionalField(String field) {
        return "The id definition refers to the optional field `" + field + "`. ID definitions must reference only required fields.";
    }

    public static String namedPrimaryKeysNotSupported() {
        return "You defined a database name for the primary key on the model. This is not supported by the provider.";
    }

    public static String missingUniqueCriterion() {
        return "Each model must have at least one unique criteria that has only required fields. Either mark a single field with "
                + "`@id`, `@unique` or add a multi field criterion with `@@id([])` or `@@unique([])` to the model.";
    }

    public static String emptyFieldList(String attribute) {
        return "The list of fields in a `" + attribute + "()` attribute cannot be empty. Please specify at least one field.";
    }

    public static String emptyFieldListFor(String attribute) { return emptyFieldList(attribute); }

    public static String indexUnknownFields(String what, List<String> fields) {
        return switch (what) {
            case "id" -> "The multi field id declaration refers to the unknown fields " + String.join(", ", fields) + ".";
            case "unique" -> "The unique index definition refers to the unknown fields: " + String.join(", ", fields) + ".";
            default -> "The index definition refers to the unknown fields: " + String.join(", ", fields) + ".";
        };
    }

    public static String indexRelationFields(String what, String attribute, List<String> relations, List<String> suggestion) {
        String subject = switch (what) {
            case "id" -> "The id definition refers to the relation fields ";
            case "unique" -> "The unique index definition refers to the relation fields ";
            default -> "The index definition refers to the relation fields ";
        };
        String kind = what.equals("id") ? "ID definitions" : what.equals("unique") ? "Unique index definitions" : "Index definitions";
        return subject + String.join(", ", relations) + ". " + kind + " must reference only scalar fields. Did you mean `"
                + attribute + "([" + String.join(", ", suggestion) + "])`?";
    }

    public static String lengthNotSupported() {
        return "The length argument is not supported in an index definition with the current connector";
    }

    public static String invalidSortOrder(String sort) { return "The sort order `" + sort + "` is not known. Use `Asc` or `Desc`."; }

    public static String clusteringNotSupported() { return "Defining clustering is not supported in the current connector."; }

    public static String fulltextNotSupported() { return "Defining fulltext indexes is not supported with the current connector."; }

    public static String unknownIndexType(String type) { return "Unknown index type: " + type + "."; }

    public static String indexTypeNotSupported() { return "The given index type is not supported with the current connector"; }

    public static String schemaAttributeNotSupported() { return "@@schema is not supported on the current datasource provider"; }

    public static String schemaNotDeclared() {
        return "This schema is not defined in the datasource. Read more on `@@schema` at https://pris.ly/d/multi-schema";
    }

    public static String missingSchemaAttribute(String kind) { return "This " + kind + " is missing an `@@schema` attribute."; }

    // ---------------------------------------------------------------- views

    public static String viewsNeedPreview() { return "View definitions are only available with the `views` preview feature."; }

    public static String viewPrimaryKey() { return "Views cannot have primary keys."; }

    public static String viewIndexes() { return "Views cannot have indexes."; }

    public static String viewUniqueMapped() {
        return "@@unique annotations on views are not backed by unique indexes in the database and cannot specify a mapped database name.";
    }

    public static String viewUniqueClustered() {
        return "@@unique annotations on views are not backed by unique indexes in the database and cannot be clustered.";
    }

    public static String viewUniqueFieldArguments() { return "Scalar fields in @@unique attributes in views cannot have arguments."; }

    // ---------------------------------------------------------------- models and database names

    public static String modelDatabaseNameTaken(String kind, String databaseName, String other) {
        return "The " + kind + " with database name \"" + databaseName
                + "\" could not be defined because another model or view with this name exists: \"" + other + "\"";
    }

    public static String enumDatabaseNameTaken() { return "An enum with the same database name is already defined."; }

    public static String mongoCompoundId() { return "MongoDB models cannot have a compound id (`@@id`). Use `@id` on a field mapped to `_id`."; }

    public static String mongoIdMustBeMapped() { return "MongoDB model IDs must have an @map(\"_id\") annotation."; }

    // ---------------------------------------------------------------- relations

    public static String missingOppositeRelationField(String field, String kind, String model, String targetKind, String target) {
        return "The relation field `" + field + "` on " + kind + " `" + model + "` is missing an opposite relation field on the "
                + targetKind + " `" + target + "`. Either run `prisma format` or add it manually.";
    }

    public static String ambiguousRelation(List<String> fields, String model, String target) {
        return "Ambiguous relation detected. The fields " + fieldList(fields) + " in model `" + model + "` both refer to `" + target
                + "`. Please provide different relation names for them by adding `@relation(<name>).";
    }

    public static String ambiguousSelfRelation(List<String> fields, String model) {
        return "Ambiguous self relation detected. The fields " + fieldList(fields) + " in model `" + model + "` both refer to `" + model
                + "`. If they are part of the same relation add the same relation name for them with `@relation(<name>)`.";
    }

    public static String unnamedSelfRelation(List<String> fields, String model) {
        return "Unnamed self relation detected. The fields " + fieldList(fields) + " in model `" + model
                + "` have no relation name. Please provide a relation name for one of them by adding `@relation(<name>).";
    }

    public static String wronglyNamedRelation(List<String> fields, String model) {
        return "Wrongly named relation detected. The fields " + fieldList(fields) + " in model `" + model
                + "` both use the same relation name. Please provide different relation names for them through `@relation(<name>).";
    }

    public static String wronglyNamedSelfRelation(List<String> fields, String model) {
        return "Wrongly named self relation detected. The fields " + fieldList(fields) + " in model `" + model
                + "` have the same relation name. At most two relation fields can belong to the same relation and therefore have the "
                + "same name. Please assign a different relation name to one of them.";
    }

    /** {@code `a`}, {@code `a` and `b`}, {@code `a`, `b` and `c`}, as Prisma lists fields. */
    private static String fieldList(List<String> fields) {
        List<String> quoted = fields.stream().map(f -> "`" + f + "`").toList();
        if (quoted.size() < 2) return String.join(", ", quoted);
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.getLast();
    }

    public static String listSideMustNotHaveFields(String field, String model, String opposite, String oppositeModel) {
        return "The relation field `" + field + "` on Model `" + model + "` must not specify the `fields` or `references` argument in the "
                + "@relation attribute. You must only specify it on the opposite field `" + opposite + "` on model `" + oppositeModel + "`.";
    }

    public static String relationMustSpecifyFields(String field, String model) {
        return "The relation field `" + field + "` on Model `" + model + "` must specify the `fields` argument in the @relation attribute. "
                + "You can run `prisma format` to fix this automatically.";
    }

    public static String relationMustSpecifyReferences(String field, String model) {
        return "The relation field `" + field + "` on Model `" + model + "` must specify the `references` argument in the @relation attribute.";
    }

    /** {@code argument} is {@code fields} or {@code references}. */
    public static String bothSidesProvide(String argument, String a, String modelA, String b, String modelB) {
        return "The relation fields `" + a + "` on Model `" + modelA + "` and `" + b + "` on Model `" + modelB + "` both provide the `"
                + argument + "` argument in the @relation attribute. You have to provide it only on one of the two fields.";
    }

    /** {@code argument} is {@code fields} or {@code references}. */
    public static String neitherSideProvides(String argument, String a, String modelA, String b, String modelB) {
        return "The relation fields `" + a + "` on Model `" + modelA + "` and `" + b + "` on Model `" + modelB + "` do not provide the `"
                + argument + "` argument in the @relation attribute. You have to provide it on one of the two fields.";
    }

    public static String fieldsAndReferencesSplit(String a, String modelA, String b, String modelB) {
        return "The relation field `" + a + "` on Model `" + modelA + "` provides the `fields` argument in the @relation attribute. "
                + "And the related field `" + b + "` on Model `" + modelB + "` provides the `references` argument. You must provide "
                + "both arguments on the same side.";
    }

    public static String bothSidesProvideActions(String a, String modelA, String b, String modelB) {
        return "The relation fields `" + a + "` on Model `" + modelA + "` and `" + b + "` on Model `" + modelB + "` both provide the "
                + "`onDelete` or `onUpdate` argument in the @relation attribute. You have to provide it only on one of the two fields.";
    }

    public static String actionsOnTheBackSide(String field, String model, String opposite, String oppositeModel) {
        return "The relation field `" + field + "` on Model `" + model + "` must not specify the `onDelete` or `onUpdate` argument in "
                + "the @relation attribute. You must only specify it on the opposite field `" + opposite + "` on model `" + oppositeModel
                + "`, or in case of a many to many relation, in an explicit join table.";
    }

    public static String backRelationMustBeOptional(String field, String model, String other) {
        return "The relation field `" + field + "` on Model `" + model + "` is required. This is not valid because it's not possible to "
                + "enforce this constraint on the database level. Please change the field type from `" + other + "` to `" + other
                + "?` to fix this.";
    }

    public static String relationUnknownFields(List<String> fields) {
        return "The argument fields must refer only to existing fields. The following fields do not exist in this model: "
                + String.join(", ", fields);
    }

    public static String relationFieldsNotScalar(List<String> fields) {
        return "The argument fields must refer only to scalar fields. But it is referencing the following relation fields: "
                + String.join(", ", fields);
    }

    public static String relationUnknownReferences(String model, List<String> fields) {
        return "The argument `references` must refer only to existing fields in the related model `" + model
                + "`. The following fields do not exist in the related model: " + String.join(", ", fields);
    }

    public static String relationFieldCountMismatch() { return "You must specify the same number of fields in `fields` and `references`."; }

    public static String referencesNotUnique(String model, List<String> fields) {
        String hint = fields.size() == 1 ? "an `@unique` attribute to the field `" + fields.getFirst() + "` in the model `" + model + "`"
                : "an `@@unique([" + String.join(", ", fields) + "])` attribute to the model `" + model + "`";
        return "The argument `references` must refer to a unique criterion in the related model. Consider adding " + hint + ".";
    }

    public static String relationTypeMismatch(String field, String model, String referenced, String referencedModel) {
        return "The type of the field `" + field + "` in the model `" + model + "` is not matching the type of the referenced field `"
                + referenced + "` in model `" + referencedModel + "`.";
    }

    public static String relationMustBeOptional(String field, List<String> fields) {
        return "The relation field `" + field + "` uses the scalar fields " + String.join(", ", fields)
                + ". At least one of those fields is optional. Hence the relation field must be optional as well.";
    }

    public static String oneToOneNotUnique(List<String> fields) {
        String hint = fields.size() == 1 ? "an `@unique` attribute to the field `" + fields.getFirst() + "`"
                : "an `@@unique([" + String.join(", ", fields) + "])` attribute to the model";
        return "A one-to-one relation must use unique fields on the defining side. Either add " + hint
                + ", or change the relation to one-to-many.";
    }

    public static String namedForeignKeysNotSupported() { return "Your provider does not support named foreign keys."; }

    public static String invalidReferentialAction(String action, List<ReferentialAction> allowed) {
        return "Invalid referential action: `" + action + "`. Allowed values: ("
                + allowed.stream().map(a -> "`" + a.id() + "`").collect(Collectors.joining(", ")) + ")";
    }

    /** Appended to {@link #invalidReferentialAction} when the emulation lacks NoAction but has Restrict. */
    public static String noActionNotEmulated(Provider provider) {
        return ". `NoAction` is not implemented for " + connectorName(provider)
                + " when using `relationMode = \"prisma\"`, you could try using `Restrict` instead. Learn more at https://pris.ly/d/relation-mode";
    }

    public static String selfRelationCascade() {
        return "A self-relation must have `onDelete` and `onUpdate` referential actions set to `NoAction` in one of the @relation attributes.";
    }

    public static String cascadeCycle(String path) {
        return "Reference causes a cycle. One of the @relation attributes in this cycle must have `onDelete` and `onUpdate` referential "
                + "actions set to `NoAction`. Cycle path: " + path + ".";
    }

    public static String multipleCascadePaths(List<String> models, String model) {
        String names = models.stream().map(m -> "`" + m + "`").collect(Collectors.joining(", "));
        String subject = models.size() == 1 ? "model " + names + " is" : "models " + names + " are";
        return "When any of the records in " + subject + " updated or deleted, the referential actions on the relations cascade to "
                + "model `" + model + "` through multiple paths. Please break one of these paths by setting the `onUpdate` and "
                + "`onDelete` to `NoAction`.";
    }

    /** A cascade error, naming the implicit default actions (null when explicit or harmless) that take part. */
    public static String cascadeWithDefaults(String message, ReferentialAction onDelete, ReferentialAction onUpdate) {
        String defaults;
        if (onDelete != null && onUpdate != null) {
            defaults = " (Implicit default `onDelete`: `" + onDelete.id() + "`, and `onUpdate`: `" + onUpdate.id() + "`)";
        } else if (onDelete != null) {
            defaults = " (Implicit default `onDelete`: `" + onDelete.id() + "`)";
        } else if (onUpdate != null) {
            defaults = " (Implicit default `onUpdate`: `" + onUpdate.id() + "`)";
        } else {
            defaults = "";
        }
        return message + defaults + " Read more at https://pris.ly/d/cyclic-referential-actions";
    }

    public static String setNullOnRequired(String which) {
        return "The `" + which + "` referential action of a relation must not be set to `SetNull` when a referenced field is required.\n"
                + "Either choose another referential action, or make the referenced fields optional.\n";
    }

    /** Prisma's text ends in a space: it joins the lines of a multi-line string. */
    public static String setNullOnRequiredWarning(String which) {
        return "The `" + which + "` referential action of a relation should not be set to `SetNull` when a referenced field is required. "
                + "We recommend either to choose another referential action, or to make the referenced fields optional. "
                + "Read more at https://pris.ly/d/postgres-set-null ";
    }

    public static String mysqlSetDefault() {
        return "MySQL does not actually support the `SetDefault` referential action, so using it may result in unexpected errors. "
                + "Read more at https://pris.ly/d/mysql-set-default";
    }

    /** Prisma's text ends in a stray quote and a space; kept byte for byte. */
    public static String relationModePrismaMissingIndex() {
        return "With `relationMode = \"prisma\"`, no foreign keys are used, so relation fields will not benefit from the index usually "
                + "created by the relational database under the hood. This can lead to poor performance when querying these fields. "
                + "We recommend adding an index manually. Learn more at https://pris.ly/d/relation-mode-prisma-indexes\" ";
    }

    public static String manyToManyWithFields() {
        return "Implicit many-to-many relation fields must not specify the `fields` or `references` argument in the @relation attribute.";
    }

    public static String manyToManyWithoutId(String field, String kind, String model, String other) {
        return "The relation field `" + field + "` on " + kind + " `" + model + "` references `" + other + "` which does not have an `@id` "
                + "field. Models without `@id` cannot be part of a many to many relation. Use an explicit intermediate Model to "
                + "represent this relationship.";
    }

    public static String implicitManyToManyViews() { return "Implicit many-to-many relations are not supported for views."; }

    private static String backticked(List<String> names) {
        return names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
    }

    // ---- index rules

    /** What Prisma appends when a MySQL key needs a prefix length. */
    private static final String LENGTH_GUIDE = " Please use the `length` argument to the field in the index definition to allow this.";

    public static String operatorClassesOnlyOnIndex() {
        return "Operator classes can only be defined to fields in an @@index attribute.";
    }

    /** Prisma words a malformed {@code ops:} value as a parser error. */
    private static String unexpectedToken(String expected) { return "Unexpected token. Expected one of: " + expected; }

    public static String unknownOperatorClass(String name) { return unexpectedToken("Invalid operator class: " + name); }

    public static String rawOperatorClassNotString() { return unexpectedToken("Invalid parameter type: expected string"); }

    public static String rawOperatorClassArity(int given) {
        return unexpectedToken("Wrong number of arguments. Expected: 1, got: " + given);
    }

    public static String operatorClassExpected() { return unexpectedToken("operator class"); }

    public static String operatorClassIndexType(String opclass, String indexType) {
        return "The given operator class `" + opclass + "` is not supported with the `" + indexType + "` index type.";
    }

    public static String operatorClassNativeType(String opclass, String nativeType, String field) {
        return "The given operator class `" + opclass + "` does not support native type `" + nativeType + "` of field `" + field + "`.";
    }

    public static String operatorClassNeedsNativeType(String opclass, String field) {
        return "The given operator class `" + opclass + "` expects the field `" + field + "` to define a valid native type.";
    }

    public static String operatorClassScalarType(String opclass, String field, String scalarType) {
        return "The given operator class `" + opclass + "` points to the field `" + field + "` that is not of " + scalarType + " type.";
    }

    public static String arrayOpsNeedsList(String field) {
        return "The given operator class `ArrayOps` expects the type of field `" + field + "` to be an array.";
    }

    public static String noDefaultOperatorClass(String indexType, String nativeType) {
        return "The " + indexType + " index field type `" + nativeType + "` has no default operator class.";
    }

    public static String indexTypeFieldType(String indexType, String field) {
        return "The " + indexType + " index type does not support the type of the field `" + field + "`.";
    }

    public static String spGistSingleColumn() { return "SpGist does not support multi-column indices."; }

    public static String customOperatorClassesNotSupported() { return "Custom operator classes are not supported with the current connector."; }

    public static String jsonOnlyLastInInvertedIndex() { return "A `Json` column is only allowed as the last column of an inverted index."; }

    public static String clusteredIndexAndId() { return "A model can only hold one clustered index or id."; }

    public static String clusteredIndexAndKey() { return "A model can only hold one clustered index or key."; }

    public static String clusteredIndexTwice() { return "A model can only hold one clustered index."; }

    /** {@code connector} is Prisma's connector name: {@code MySQL}, {@code Postgres}. */
    public static String nativeTypeCannotBeUnique(String nativeType, String connector, boolean lengthGuide) {
        return "Native type `" + nativeType + "` cannot be unique in " + connector + "." + (lengthGuide ? LENGTH_GUIDE : "");
    }

    public static String nativeTypeCannotBeIndexed(String nativeType, String connector, boolean lengthGuide) {
        return "You cannot define an index on fields with native type `" + nativeType + "` of " + connector + "."
                + (lengthGuide ? LENGTH_GUIDE : "");
    }

    public static String nativeTypeCannotBeId(String nativeType, String connector, boolean lengthGuide) {
        return "Native type `" + nativeType + "` of " + connector + " cannot be used on a field that is `@id` or `@@id`."
                + (lengthGuide ? LENGTH_GUIDE : "");
    }

    // ---------------------------------------------------------------- formatter

    /** Said after the syntax errors that kept {@code facet format} from formatting a schema. */
    public static String formatRefused(int syntaxErrors) {
        return "The schema was not formatted: it has " + syntaxErrors + " syntax error" + (syntaxErrors == 1 ? "" : "s")
                + ". Fix " + (syntaxErrors == 1 ? "it" : "them") + " and format again.";
    }
}
