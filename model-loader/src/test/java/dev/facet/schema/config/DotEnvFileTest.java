package dev.facet.schema.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.facet.schema.config.DotEnvFile.Expansion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvFileTest {

    private static Map<String, String> raw(String text) {
        return DotEnvFile.parse(text, Map.of(), Expansion.NONE).values();
    }

    private static Map<String, String> expanded(String text, Map<String, String> env) {
        return DotEnvFile.parse(text, env, Expansion.DOTENV_EXPAND).values();
    }

    private static Map<String, String> prisma(String text, Map<String, String> env) {
        return DotEnvFile.parse(text, env, Expansion.PRISMA).values();
    }

    @Nested
    class Lines {
        @Test
        void readsAssignmentsInFileOrder() {
            assertThat(raw("B=2\nA=1\n")).containsExactly(entry("B", "2"), entry("A", "1"));
        }

        @Test
        void acceptsExportPrefixColonSyntaxAndSpaces() {
            assertThat(raw("export DATABASE_URL=postgresql://h/db\n  SPACED  =  value  \nYAML: style\nexport\tTAB=x\n"))
                    .containsExactly(entry("DATABASE_URL", "postgresql://h/db"), entry("SPACED", "value"),
                            entry("YAML", "style"), entry("TAB", "x"));
        }

        @Test
        void keysMayHoldDotsAndDashes() {
            assertThat(raw("a.b-c_D9=1")).containsExactly(entry("a.b-c_D9", "1"));
        }

        @Test
        void skipsLinesThatAreNotAssignments() {
            assertThat(raw("just words\n=nokey\nKEY\nexport\n\n   \nOK=1")).containsExactly(entry("OK", "1"));
        }

        @Test
        void anEmptyValueIsTheEmptyString() {
            assertThat(raw("EMPTY=\nALSO_EMPTY=   \nQUOTED=\"\"")).containsExactly(
                    entry("EMPTY", ""), entry("ALSO_EMPTY", ""), entry("QUOTED", ""));
        }

        @Test
        void aLaterAssignmentWins() {
            assertThat(raw("A=1\nA=2")).containsExactly(entry("A", "2"));
        }

        @Test
        void keepsEqualsSignsInsideTheValue() {
            assertThat(raw("URL=postgresql://h/db?sslmode=require&a=b")).containsEntry("URL", "postgresql://h/db?sslmode=require&a=b");
        }

        @Test
        void acceptsCrlfCrAndAByteOrderMark() {
            assertThat(raw("\uFEFFA=1\r\nB=\"two\r\nlines\"\rC=3\r\n"))
                    .containsExactly(entry("A", "1"), entry("B", "two\nlines"), entry("C", "3"));
        }
    }

    @Nested
    class Comments {
        @Test
        void skipsFullLineComments() {
            assertThat(raw("# a comment\n  # indented\nA=1 # trailing")).containsExactly(entry("A", "1"));
        }

        @Test
        void aHashEndsAnUnquotedValueEvenWithoutASpace() {
            // dotenv's grammar: an unquoted value is everything up to the first '#'.
            assertThat(raw("A=abc#def\nB=abc #def")).containsExactly(entry("A", "abc"), entry("B", "abc"));
        }

        @Test
        void keepsAHashInsideQuotes() {
            assertThat(raw("A=\"p#ss\" # comment\nB='#1'\nC=`x#y`"))
                    .containsExactly(entry("A", "p#ss"), entry("B", "#1"), entry("C", "x#y"));
        }
    }

    @Nested
    class Quotes {
        @Test
        void stripsSingleDoubleAndBacktickQuotes() {
            assertThat(raw("S='single'\nD=\"double\"\nB=`back`\nPAD=  \"  padded  \"  "))
                    .containsExactly(entry("S", "single"), entry("D", "double"), entry("B", "back"), entry("PAD", "  padded  "));
        }

        @Test
        void decodesNewlineEscapesInDoubleQuotesOnly() {
            assertThat(raw("D=\"a\\nb\\rc\"\nS='a\\nb'\nU=a\\nb"))
                    .containsExactly(entry("D", "a\nb\rc"), entry("S", "a\\nb"), entry("U", "a\\nb"));
        }

        @Test
        void anEscapedQuoteDoesNotCloseTheValue() {
            assertThat(raw("A=\"say \\\"hi\\\"\"")).containsEntry("A", "say \\\"hi\\\"");
        }

        @Test
        void quotedValuesMaySpanLines() {
            String text = "KEY=\"-----BEGIN-----\nline two\n-----END-----\"\nNEXT=1\nS='a\nb'\nB=`c\nd`";
            assertThat(raw(text)).containsExactly(
                    entry("KEY", "-----BEGIN-----\nline two\n-----END-----"), entry("NEXT", "1"), entry("S", "a\nb"), entry("B", "c\nd"));
        }

        @Test
        void anUnclosedQuoteIsTakenAsWritten() {
            assertThat(raw("A=\"open\nB=1")).containsExactly(entry("A", "\"open"), entry("B", "1"));
        }

        @Test
        void aQuoteFollowedByMoreTextIsTakenAsWritten() {
            assertThat(raw("A=\"x\" y")).containsExactly(entry("A", "\"x\" y"));
        }

        @Test
        void innerQuotesOfAnUnquotedValueStay() {
            assertThat(raw("A=it's \"fine\"")).containsEntry("A", "it's \"fine\"");
        }
    }

    @Nested
    class DotenvExpandRule {
        @Test
        void expandsBracedAndBareReferencesFromTheSameFile() {
            assertThat(expanded("USER=app\nHOST=db\nURL=postgresql://${USER}@$HOST/x", Map.of()))
                    .containsEntry("URL", "postgresql://app@db/x");
        }

        @Test
        void expandsReferencesToLaterKeysAndChains() {
            assertThat(expanded("C=$B-c\nB=${A}-b\nA=a", Map.of())).containsEntry("C", "a-b-c");
        }

        @Test
        void theEnvironmentWinsOverTheFile() {
            assertThat(expanded("HOST=localhost\nURL=postgresql://${HOST}/db", Map.of("HOST", "prod.example.com")))
                    .containsEntry("URL", "postgresql://prod.example.com/db")
                    .containsEntry("HOST", "localhost");
        }

        @Test
        void readsNamesTheFileDoesNotDefineFromTheEnvironment() {
            assertThat(expanded("URL=${SCHEME}://h", Map.of("SCHEME", "mysql"))).containsEntry("URL", "mysql://h");
        }

        @Test
        void anUnknownNameExpandsToNothing() {
            assertThat(expanded("A=x${NOPE}y$NOPE", Map.of())).containsEntry("A", "xy");
        }

        @Test
        void usesDefaultsWhenUnsetOrEmpty() {
            String text = "EMPTY=\nA=${NOPE:-one}\nB=${NOPE-two}\nC=${EMPTY:-three}\nD=${NOPE:-${ALSO_NOPE:-four}}\nE=${SET:-no}";
            assertThat(expanded(text, Map.of("SET", "yes"))).containsEntry("A", "one").containsEntry("B", "two")
                    .containsEntry("C", "three").containsEntry("D", "four").containsEntry("E", "yes");
        }

        @Test
        void aBackslashKeepsADollarLiteral() {
            assertThat(expanded("A=1\nB=\\$A and \\${A}", Map.of())).containsEntry("B", "$A and ${A}");
        }

        @Test
        void cyclesExpandToNothing() {
            assertThat(expanded("A=x${B}\nB=y${A}\nSELF=${SELF}z", Map.of()))
                    .containsEntry("A", "xy").containsEntry("SELF", "z");
        }

        @Test
        void expandsSingleQuotedValuesToo() {
            // dotenv does not tell dotenv-expand how a value was quoted.
            assertThat(expanded("A=1\nB='${A}'", Map.of())).containsEntry("B", "1");
        }
    }

    @Nested
    class PrismaRule {
        @Test
        void expandsOnlyBracedReferences() {
            assertThat(prisma("USER=app\nURL=postgresql://${USER}:pa$word@h/db", Map.of()))
                    .containsEntry("URL", "postgresql://app:pa$word@h/db");
        }

        @Test
        void leavesDefaultsAndEscapedReferencesAsWritten() {
            assertThat(prisma("A=${NOPE:-x}\nB=\\${A}\nC=\\$A", Map.of()))
                    .containsEntry("A", "${NOPE:-x}").containsEntry("B", "${A}").containsEntry("C", "\\$A");
        }

        @Test
        void anEmptyEnvironmentValueStillWins() {
            assertThat(prisma("HOST=file\nURL=x${HOST}y", Map.of("HOST", ""))).containsEntry("URL", "xy");
        }
    }

    @Nested
    class Api {
        @Test
        void noExpansionKeepsReferences() {
            assertThat(raw("A=1\nB=${A}$A")).containsEntry("B", "${A}$A");
        }

        @Test
        void getFindsAValue() {
            DotEnvFile file = DotEnvFile.parse("A=1", Map.of(), Expansion.PRISMA);
            assertThat(file.get("A")).contains("1");
            assertThat(file.get("B")).isEmpty();
        }

        @Test
        void readsAFileAsUtf8(@TempDir Path dir) throws IOException {
            Path file = dir.resolve(".env");
            Files.writeString(file, "\uFEFFNAME=\"Zoë\"\n", StandardCharsets.UTF_8);
            assertThat(DotEnvFile.read(file, Map.of(), Expansion.PRISMA).get("NAME")).contains("Zoë");
            assertThatThrownBy(() -> DotEnvFile.read(dir.resolve("absent.env"), Map.of(), Expansion.PRISMA))
                    .isInstanceOf(NoSuchFileException.class);
        }
    }
}
